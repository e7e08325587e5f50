import { hash, verify, type Options } from '@node-rs/argon2';
import { z } from 'zod';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): ~40 ms here, cheap for us, costly for a guesser.
// algorithm 2 is Argon2id (the package exports it as a const enum, which type stripping cannot inline).
const OPTIONS = { algorithm: 2 as Options['algorithm'], memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A password people can remember and guessers cannot: long enough, not one repeated character. */
export const newPassword = z
  .string()
  .min(10, '密码至少 10 个字符 (at least 10 characters)')
  .max(200, '密码过长 (too long)')
  .refine((p) => new Set(p).size >= 4, '密码过于简单 (too simple)');
