/**
 * Verification codes of training certificates: 12 characters of Crockford base32 (digits and letters without I, L,
 * O and U, so a code read off paper is not misread) from crypto random bytes — 60 bits, unguessable: a changed or invented
 * code finds nothing. Shown in groups of four (K7QX-M2PD-9HRT); any case, spaces and dashes are accepted back.
 */
import { randomBytes } from 'node:crypto';

/** Crockford's base32 alphabet (32 symbols: 5 bits each). */
const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;

/** A new random code (12 symbols of 5 bits each). */
export function newCertificateCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let out = '';
  for (const b of bytes) out += SYMBOLS[b & 31];
  return out;
}

/** The code as stored, from what a person typed or a QR link carried; null when it cannot be a code. */
export function normalizeCertificateCode(input: string): string | null {
  const code = input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const c of code) if (!SYMBOLS.includes(c)) return null;
  return code;
}

/** The code as printed: K7QX-M2PD-9HRT. */
export function formatCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}
