import { and, eq, isNull } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import type { DbLike } from '../db/client.ts';
import { recoveryCodes, users, type User } from '../db/schema/index.ts';
import { AppError } from '../lib/errors.ts';
import { sha256 } from '../lib/tokens.ts';

/**
 * TOTP second factor (RFC 6238 through otplib: SHA-1, 6 digits, 30 s steps, ±1 step of clock drift), with
 * one-time recovery codes stored as SHA-256. A code's time step is remembered so a code works once (V6.5.1).
 */
export const ISSUER = '千企在线展馆';
export const RECOVERY_CODE_COUNT = 10;

const wrongCode = () => new AppError(400, 'totp_invalid', { zh: '验证码不正确或已使用', en: 'The code is wrong or was already used' });

/** Starts enrolment: a new secret kept as pending, its otpauth:// URI and the QR code as an SVG data URL. */
export async function beginTotpEnrolment(db: DbLike, user: User) {
  if (user.totpEnabledAt) throw new AppError(409, 'totp_already_enabled', { zh: '两步验证已启用', en: 'Two-step verification is already on' });
  const secret = generateSecret();
  await db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, user.id));
  const uri = generateURI({ issuer: ISSUER, label: user.email, secret });
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, uri, qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** The time step a 6-digit code is valid for under `secret`, or null. Steps at or before `afterStep` are refused. */
export async function totpStep(secret: string, code: string, afterStep: number | null, now = new Date()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterStep != null ? { afterTimeStep: afterStep } : {}),
  });
  // TOTP results carry the matched time step (HOTP ones do not; this is TOTP only).
  return result.valid && 'timeStep' in result ? (result as { timeStep: number }).timeStep : null;
}

/** Finishes enrolment with the first code; returns the recovery codes, shown to the person this once. */
export async function confirmTotpEnrolment(db: DbLike, user: User, code: string, now = new Date()): Promise<string[]> {
  if (!user.totpPendingSecret) throw new AppError(409, 'totp_not_started', { zh: '请先开始设置两步验证', en: 'Start setting up two-step verification first' });
  const step = await totpStep(user.totpPendingSecret, code, null, now);
  if (step == null) throw wrongCode();
  await db
    .update(users)
    .set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step })
    .where(eq(users.id, user.id));
  return replaceRecoveryCodes(db, user.id);
}

/** New recovery codes for a user (the old ones stop working): ten `xxxxx-xxxxx` codes of 50 random bits. */
export async function replaceRecoveryCodes(db: DbLike, userId: number): Promise<string[]> {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: sha256(c) })));
  return codes;
}

/**
 * Checks the second step of a sign-in: a current TOTP code (once per time step) or an unused recovery code
 * (used up by this call). Returns which kind matched, or throws 400 `totp_invalid`.
 */
export async function verifySecondFactor(db: DbLike, user: User, input: { code?: string; recoveryCode?: string }, now = new Date()) {
  if (!user.totpSecret) throw wrongCode();
  if (input.code) {
    const step = await totpStep(user.totpSecret, input.code.trim(), user.totpLastStep, now);
    if (step == null) throw wrongCode();
    // Guarded: two requests racing with the same code cannot both pass.
    const moved = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), user.totpLastStep == null ? isNull(users.totpLastStep) : eq(users.totpLastStep, user.totpLastStep)))
      .returning({ id: users.id });
    if (moved.length !== 1) throw wrongCode();
    return 'totp' as const;
  }
  const normalized = (input.recoveryCode ?? '').trim().toLowerCase().replace(/\s+/g, '');
  if (!/^[a-z0-9]{5}-?[a-z0-9]{5}$/.test(normalized)) throw wrongCode();
  const withDash = normalized.includes('-') ? normalized : `${normalized.slice(0, 5)}-${normalized.slice(5)}`;
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, sha256(withDash)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  if (used.length !== 1) throw wrongCode();
  return 'recovery_code' as const;
}

/** Turns the second factor off and drops the recovery codes. */
export async function disableTotp(db: DbLike, userId: number): Promise<void> {
  await db.update(users).set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}
