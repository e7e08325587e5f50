/**
 * The security log (OWASP ASVS 5.0 V16): one JSON line per security event, one field set for every event.
 * Never pass a password, token, session id, TOTP code or invitation/reset link in `detail`.
 */
import type { DbLike } from '../db/client.ts';
import { securityEvents } from '../db/schema/security.ts';

/** The kinds of security event the platform records. */
export type SecurityEventType =
  | 'signin_failed'
  | 'signin_succeeded'
  | 'signin_throttled'
  | 'account_unlock_requested'
  | 'account_unlocked'
  | 'csrf_refused'
  | 'access_refused'
  | 'rate_limited'
  | 'password_changed'
  | 'password_reset_requested'
  | 'password_reset_completed'
  | 'totp_enrolled'
  | 'totp_failed'
  | 'totp_disabled'
  | 'recovery_code_used'
  | 'staff_invited'
  | 'staff_changed'
  | 'body_too_large';

export interface SecurityEvent {
  type: SecurityEventType;
  /** The acting or targeted user, when known. */
  userId?: number | null;
  ip?: string;
  /** Request method and path, never the query string (it may carry tokens). */
  route?: string;
  /** Extra facts, no secrets. */
  detail?: Record<string, string | number | boolean | null>;
}

type Sink = (line: string) => void;

let sink: Sink = (line) => process.stdout.write(line + '\n');
let store: DbLike | undefined;

function writeLine(event: SecurityEvent, now: Date): void {
  sink(
    JSON.stringify({
      at: now.toISOString(),
      log: 'security',
      type: event.type,
      userId: event.userId ?? null,
      ip: event.ip ?? null,
      route: event.route ?? null,
      detail: event.detail ?? {},
    }),
  );
}

function row(event: SecurityEvent, now: Date) {
  return { at: now, type: event.type, userId: event.userId ?? null, ip: event.ip ?? null, route: event.route ?? null, detail: event.detail ?? {} };
}

/**
 * Writes one security event as a JSON line: `{ "at", "log": "security", "type", "userId", "ip", "route", "detail" }`,
 * and, in the running server (see setSecurityStore), also as a `security_events` row without waiting for it.
 * Code that has the database at hand should await recordSecurityEvent instead.
 */
export function securityEvent(event: SecurityEvent, now = new Date()): void {
  writeLine(event, now);
  store?.insert(securityEvents).values(row(event, now)).catch((e: unknown) => console.error('[security-log] store:', e));
}

/** Writes the JSON line and the `security_events` row (in `db`, which may be the action's transaction). */
export async function recordSecurityEvent(db: DbLike, event: SecurityEvent, now = new Date()): Promise<void> {
  writeLine(event, now);
  await db.insert(securityEvents).values(row(event, now));
}

/** The database that securityEvent() also writes rows to (set once by api/runtime.ts). */
export function setSecurityStore(db: DbLike | undefined): void {
  store = db;
}

/** Redirects the log (tests capture lines; the server may write to a file). Returns the previous sink. */
export function setSecuritySink(next: Sink): Sink {
  const previous = sink;
  sink = next;
  return previous;
}
