import type { AstroGlobal } from 'astro';
import type { Dossier } from '../../api/admin/register/dossier.ts';
import type { PreEvaluation } from '../../api/admin/register/pre-evaluation/index.ts';
import { createApi } from '../../api/app.ts';
import { STAFF_ROLES, type StaffRole } from '../../api/admin/scope.ts';
import type { Auth } from '../../api/auth/sessions.ts';
import type { AppContext } from '../../api/context.ts';
import type { User } from '../../api/db/schema/index.ts';
import { langOf, localePath, type Lang } from '../i18n/index.ts';
import { currentAuth } from './portal-session.ts';

/** What every page of the bureau's workspace knows: who (a staff member), in which language, and the CSRF token. */
export interface AdminSession {
  ctx: AppContext;
  auth: Auth;
  user: User & { role: StaffRole };
  lang: Lang;
  csrfToken: string;
  demo: boolean;
}

/**
 * The staff session of a page, or the response to send instead: a redirect to sign-in when signed out, 403 for a
 * firm's account or a role the page does not admit. Workspace pages are private and never cached.
 */
export async function adminSession(Astro: AstroGlobal, roles: readonly StaffRole[] = STAFF_ROLES): Promise<AdminSession | Response> {
  const lang = langOf(Astro.url.pathname);
  Astro.response.headers.set('Cache-Control', 'private, no-store');
  const { ctx, auth } = await currentAuth(Astro);
  if (!auth) {
    const next = encodeURIComponent(Astro.url.pathname + Astro.url.search);
    return Astro.redirect(`${localePath(lang, '/portal/login')}?next=${next}`, 303);
  }
  const role = auth.user.role;
  if (!(STAFF_ROLES as readonly string[]).includes(role) || !roles.includes(role as StaffRole)) {
    // A firm's account, or a staff role this page is not for (e.g. the bureau on the reviewers' task list).
    const staff = (STAFF_ROLES as readonly string[]).includes(role);
    const text = staff
      ? { zh: '您当前的角色不能使用该页面。', en: 'This page is not open to your role.' }
      : { zh: '该页面仅限主管部门工作人员使用。', en: 'This page is for bureau staff only.' };
    return new Response(lang === 'en' ? text.en : text.zh, {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return { ctx, auth, user: auth.user as User & { role: StaffRole }, lang, csrfToken: auth.session.csrfToken, demo: ctx.config.demo };
}

let api: ReturnType<typeof createApi> | undefined;

/**
 * A GET of the admin API in-process, as this page's user: pages render exactly the JSON the API serves, with the
 * same scope. `path` is relative to /api/admin. Throws the API's status for the page to turn into 404.
 */
export async function adminGet<T>(Astro: AstroGlobal, session: AdminSession, path: string): Promise<{ status: number; body: T }> {
  api ??= createApi(session.ctx);
  const res = await api.request(`/admin${path}`, { headers: { cookie: Astro.request.headers.get('cookie') ?? '' } });
  return { status: res.status, body: (await res.json()) as T };
}

/**
 * A firm's dossier and pre-evaluation for its page, read through the API as this page's user; null (the page
 * answers 404) when the id is malformed, unknown or outside the viewer's scope.
 */
export async function loadDossier(Astro: AstroGlobal, session: AdminSession, id: string) {
  if (!/^\d{1,10}$/.test(id)) return { data: null, preEvaluation: null };
  const dossier = await adminGet<Dossier>(Astro, session, `/enterprises/${id}`);
  if (dossier.status !== 200) return { data: null, preEvaluation: null };
  const pre = await adminGet<{ year: number; results: PreEvaluation[] }>(Astro, session, `/enterprises/${id}/pre-evaluation`);
  return { data: dossier.body, preEvaluation: pre.status === 200 ? pre.body : null };
}
