/** The portal islands' way to the API: JSON in and out, the session's CSRF token on every change. */

export type UiLang = 'zh' | 'en';

/** A field-level problem the API reported (`details` of an invalid_input error). */
export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly issues: FieldIssue[];
  /** The error's `details` as the API sent them (e.g. both values of a 409 version conflict). */
  readonly details: unknown;

  constructor(status: number, code: string, messageZh: string, messageEn: string, issues: FieldIssue[], details?: unknown) {
    super(messageZh);
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.issues = issues;
    this.details = details;
  }

  /** The message in the UI language. */
  text(lang: UiLang): string {
    return lang === 'en' ? this.messageEn : this.messageZh;
  }

  /** Per-field messages (first per field), keyed by the top-level field name. */
  fieldErrors(lang: UiLang): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.issues) {
      const field = issue.path.split('.')[0] || 'form';
      out[field] ??= pickLang(issue.message, lang);
    }
    return out;
  }
}

/** Validation messages come as "中文 (English)": show the half in the UI language. */
export function pickLang(message: string, lang: UiLang): string {
  // The Chinese half holds a non-ASCII character; the English half may contain parentheses itself ("http(s)").
  const m = /^(.*?[^\x00-\x7f].*?)\s*\((.*)\)$/.exec(message);
  if (!m) return message;
  return lang === 'en' ? m[2]! : m[1]!;
}

/** Calls the API; throws ApiError with the server's message (or a network error message). */
export async function api<T>(method: string, path: string, csrfToken: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(method === 'GET' ? {} : { 'X-CSRF-Token': csrfToken }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试', 'Network error; check the connection and try again', []);
  }
  if (res.ok) return (await res.json()) as T;
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string; messageEn: string; details?: unknown } } | null;
  const e = data?.error;
  const issues = Array.isArray(e?.details) ? (e.details as FieldIssue[]) : [];
  if (res.status === 401 && !path.startsWith('/auth/')) {
    // The session ended (expired, signed out elsewhere): go sign in and come back.
    const prefix = location.pathname.startsWith('/en/') ? '/en' : '';
    location.assign(`${prefix}/portal/login?next=${encodeURIComponent(location.pathname + location.search)}`);
  }
  throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${res.status}`, e?.messageEn ?? `HTTP ${res.status}`, issues, e?.details);
}

/** The enterprise-scoped part of the portal API. */
export const firmPath = (enterpriseId: number, path: string) => `/portal/enterprises/${enterpriseId}${path}`;
