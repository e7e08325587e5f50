/**
 * The security log (OWASP ASVS 5.0 V16): one JSON line per security event, one field set for every event.
 * Never pass a password, token, session id, TOTP code or invitation/reset link in `detail`.
 */

/** The kinds of security event the platform records. */
export type SecurityEventType =
  | 'signin_failed'
  | 'signin_succeeded'
  | 'signin_throttled'
  | 'account_unlock_requested'
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

/** Writes one security event as a JSON line: `{ "at", "log": "security", "type", "userId", "ip", "route", "detail" }`. */
export function securityEvent(event: SecurityEvent, now = new Date()): void {
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

/** Redirects the log (tests capture lines; the server may write to a file). Returns the previous sink. */
export function setSecuritySink(next: Sink): Sink {
  const previous = sink;
  sink = next;
  return previous;
}
