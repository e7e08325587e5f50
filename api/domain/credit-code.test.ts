import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, normalizeCreditCode, withCheckChar } from './credit-code.ts';

describe('统一社会信用代码', () => {
  it('accepts published codes with a correct check character', () => {
    // The worked example of GB 32100-2015.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });

  it('computes the check character with the GB 32100-2015 weights', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(withCheckChar('91371500MA3C00001')).toHaveLength(18);
    expect(isValidCreditCode(withCheckChar('91371500MA3C00001'))).toBe(true);
  });

  it('rejects a changed character, a wrong length and letters outside the alphabet', () => {
    const good = withCheckChar('91371500MA3C00001');
    const flipped = good.slice(0, 5) + (good[5] === '1' ? '2' : '1') + good.slice(6);
    expect(isValidCreditCode(flipped)).toBe(false);
    expect(isValidCreditCode(good.slice(0, 17))).toBe(false);
    expect(isValidCreditCode('91371500MA3C0000I' + good[17])).toBe(false); // I is not in the alphabet
  });

  it('normalizes spaces and lower case', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });
});
