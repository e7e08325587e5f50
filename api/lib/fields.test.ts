import { describe, expect, it } from 'vitest';
import { optionalHttpUrl, optionalPhone, plainText } from './fields.ts';

describe('fields people type', () => {
  it('keeps script and markup as inert text, trimmed and without control characters', () => {
    expect(plainText(100).parse('  <script>alert(1)</script>\u0007 ')).toBe('<script>alert(1)</script>');
    expect(plainText(5).safeParse('一二三四五六').success).toBe(false);
    expect(plainText(10, 1).safeParse('   ').success).toBe(false);
  });

  it('accepts only http(s) links', () => {
    expect(optionalHttpUrl.parse('https://shop.example.cn/p/1')).toBe('https://shop.example.cn/p/1');
    expect(optionalHttpUrl.parse('')).toBeNull();
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://x.org/a', 'not a url']) {
      expect(optionalHttpUrl.safeParse(bad).success).toBe(false);
    }
  });

  it('normalises full-width digits and spaces in phone numbers', () => {
    expect(optionalPhone.parse('０６３５－８５９ ０００２'.replace('－', '-'))).toBe('0635-8590002');
    expect(optionalPhone.parse('138 0000 0000')).toBe('13800000000');
    expect(optionalPhone.safeParse('call me 😀').success).toBe(false);
  });
});
