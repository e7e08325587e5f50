/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character alphabet,
 * the last one a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when they are not in the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check]!;
}

/** Folds full-width characters (ＡＢ１２ → AB12), strips spaces and dashes and upper-cases, as people type codes. */
export function normalizeCreditCode(input: string): string {
  return input.normalize('NFKC').replace(/[\s\u3000-]/g, '').toUpperCase();
}

/** True when the (normalized) code has 18 valid characters and a correct check character. */
export function isValidCreditCode(code: string): boolean {
  return code.length === 18 && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** Completes 17 characters with their check character (for generating demo firms). */
export function withCheckChar(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (!check) throw new Error(`not a credit-code prefix: ${first17}`);
  return first17 + check;
}
