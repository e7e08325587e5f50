import { and, eq, gt } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import type { DbLike } from '../db/client.ts';
import { knownDevices } from '../db/schema/index.ts';
import { randomToken, sha256 } from '../lib/tokens.ts';

/** A device stays known for a year after its last successful sign-in. */
export const DEVICE_TTL_MS = 365 * 86_400_000;

function cookieName(config: Pick<Config, 'production'>): string {
  return config.production ? '__Host-qq_device' : 'qq_device';
}

/** The id (token hash) of this browser's known-device cookie when it is valid for `userId`, else null. */
export async function knownDeviceOf(c: Context, config: Config, db: DbLike, userId: number, now = new Date()): Promise<string | null> {
  const token = getCookie(c, cookieName(config));
  if (!token || token.length > 100) return null;
  const id = sha256(token);
  const [row] = await db
    .select({ id: knownDevices.id })
    .from(knownDevices)
    .where(and(eq(knownDevices.id, id), eq(knownDevices.userId, userId), gt(knownDevices.expiresAt, now)));
  return row?.id ?? null;
}

/** After a full sign-in: renews this browser's device cookie for the user (a fresh token each time). */
export async function rememberDevice(c: Context, config: Config, db: DbLike, userId: number, now = new Date()): Promise<void> {
  const old = getCookie(c, cookieName(config));
  if (old && old.length <= 100) await db.delete(knownDevices).where(eq(knownDevices.id, sha256(old)));
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + DEVICE_TTL_MS);
  await db.insert(knownDevices).values({ id: sha256(token), userId, lastUsedAt: now, expiresAt });
  setCookie(c, cookieName(config), token, {
    httpOnly: true,
    secure: config.production,
    sameSite: 'Strict',
    path: '/',
    maxAge: DEVICE_TTL_MS / 1000,
  });
}
