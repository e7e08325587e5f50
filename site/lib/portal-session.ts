import type { AstroGlobal } from 'astro';
import { eq } from 'drizzle-orm';
import { createApi } from '../../api/app.ts';
import { sessionCookieName } from '../../api/auth/cookies.ts';
import { resolveSession } from '../../api/auth/middleware.ts';
import type { Auth } from '../../api/auth/sessions.ts';
import type { AppContext } from '../../api/context.ts';
import { enterprises, halls } from '../../api/db/schema/index.ts';
import { runtime } from '../../api/runtime.ts';
import { langOf, localePath, type Lang } from '../i18n/index.ts';

/** What every signed-in portal page knows: who, for which firm, and the token islands send with changes. */
export interface PortalSession {
  ctx: AppContext;
  auth: Auth;
  lang: Lang;
  csrfToken: string;
  enterpriseId: number;
  firm: { id: number; name: string; nameEn: string | null; slug: string };
  hall: { id: number; status: string } | null;
  /** The platform runs in demo mode (fictional firms, demo accounts). */
  demo: boolean;
}

/**
 * The signed-in user of this request, or null, exactly as the API decides (demo accounts only in demo mode; a
 * session still waiting for its TOTP code, or a staff account that must first enrol one, is not signed in here).
 */
export async function currentAuth(Astro: AstroGlobal): Promise<{ ctx: AppContext; auth: Auth | null }> {
  const ctx = await runtime();
  const token = Astro.cookies.get(sessionCookieName(ctx.config))?.value;
  const state = await resolveSession(ctx, token);
  return { ctx, auth: state.mfaEnrolmentRequired ? null : state.auth };
}

/**
 * The CSRF token of whatever session this browser holds ('' when none): forms usable signed in or out (reset and
 * unlock links) must send it, since the API checks it whenever a session cookie comes along.
 */
export async function anySessionCsrf(Astro: AstroGlobal): Promise<string> {
  const ctx = await runtime();
  const state = await resolveSession(ctx, Astro.cookies.get(sessionCookieName(ctx.config))?.value);
  return (state.auth ?? state.pendingAuth)?.session.csrfToken ?? '';
}

/** Where sign-in sends people back to: a path of our own portal only, never another site. */
export function safeNext(next: string | null, lang: Lang): string {
  return next && /^\/(en\/)?(portal|admin)(\/[\w\-/]*)?(\?[\w\-=&%.]*)?$/.test(next) ? next : localePath(lang, '/portal');
}

/**
 * The portal session of a page, or the response to send instead: a redirect to sign-in when signed out,
 * 403 for accounts that belong to no enterprise. Portal pages are private and never cached.
 */
export async function portalSession(Astro: AstroGlobal): Promise<PortalSession | Response> {
  const lang = langOf(Astro.url.pathname);
  Astro.response.headers.set('Cache-Control', 'private, no-store');
  const { ctx, auth } = await currentAuth(Astro);
  if (!auth) {
    const next = encodeURIComponent(Astro.url.pathname + Astro.url.search);
    return Astro.redirect(`${localePath(lang, '/portal/login')}?next=${next}`, 303);
  }
  const enterpriseId = auth.user.enterpriseId;
  // Staff accounts have no firm: their home is the bureau's workspace.
  if (enterpriseId == null && auth.user.role !== 'enterprise') return Astro.redirect(localePath(lang, '/admin'), 303);
  if (enterpriseId == null) return new Response('This account does not belong to an enterprise.', { status: 403 });
  const [firm] = await ctx.db
    .select({ id: enterprises.id, name: enterprises.name, nameEn: enterprises.nameEn, slug: enterprises.slug })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  if (!firm) return new Response('Enterprise not found.', { status: 404 });
  const [hall] = await ctx.db.select({ id: halls.id, status: halls.status }).from(halls).where(eq(halls.enterpriseId, enterpriseId));
  return { ctx, auth, lang, csrfToken: auth.session.csrfToken, enterpriseId, firm, hall: hall ?? null, demo: ctx.config.demo };
}

let api: ReturnType<typeof createApi> | undefined;

/**
 * A GET of the portal API in-process, as this page's user: islands start from exactly the JSON they would fetch.
 * `path` is relative to /api/portal/enterprises/<id>.
 */
export async function portalGet<T>(Astro: AstroGlobal, session: PortalSession, path: string): Promise<T> {
  api ??= createApi(session.ctx);
  const res = await api.request(`/portal/enterprises/${session.enterpriseId}${path}`, {
    headers: { cookie: Astro.request.headers.get('cookie') ?? '' },
  });
  if (!res.ok) throw new Error(`portal API ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
