import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../app.ts';
import { enterpriseYears, enterprises, experts, savedViews, serviceTeamFirms, serviceTeamMembers, serviceTeams, tierRecognitions, users } from '../../../db/schema/index.ts';
import type { Role } from '../../../db/schema/index.ts';
import type { County } from '../../../domain/program.ts';
import { apiClient, signInWithSecondFactor, createTestContext, makeEnterprise, makeUser, type TestContext } from '../../../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

/** A firm of the area with a title and a year of data. */
async function firmIn(county: County) {
  const firm = await makeEnterprise(ctx.db, { county });
  const [title] = await ctx.db.insert(tierRecognitions).values({ enterpriseId: firm.id, tier: 'srdi', level: 'provincial', year: 2024, validTo: '2027-12-31' }).returning();
  await ctx.db.insert(enterpriseYears).values({ enterpriseId: firm.id, fiscalYear: 2025, revenue: 5000 });
  return { E: firm.id, T: title!.id };
}

type Ids = Awaited<ReturnType<typeof firmIn>> & { U: number };
/** Every admin route, with a body that passes validation, so only access decides the answer. `own` = per-firm. */
const ROUTES: { method: string; path: string; body?: (ids: Ids) => unknown; perFirm: boolean; roles: Role[] }[] = [
  { method: 'GET', path: '/admin/enterprises', perFirm: false, roles: ['county', 'expert', 'bureau', 'admin'] },
  { method: 'GET', path: '/admin/enterprises/ids', perFirm: false, roles: ['county', 'expert', 'bureau', 'admin'] },
  { method: 'GET', path: '/admin/enterprises/export?format=csv', perFirm: false, roles: ['county', 'expert', 'bureau', 'admin'] },
  { method: 'POST', path: '/admin/enterprises/export', body: (i) => ({ ids: [i.E], format: 'csv' }), perFirm: false, roles: ['county', 'expert', 'bureau', 'admin'] },
  { method: 'POST', path: '/admin/enterprises/bulk', body: (i) => ({ ids: [i.E], action: 'tag', value: '重点' }), perFirm: false, roles: ['county', 'bureau', 'admin'] },
  { method: 'GET', path: '/admin/enterprises/{E}', perFirm: true, roles: ['county', 'expert', 'bureau', 'admin'] },
  { method: 'PATCH', path: '/admin/enterprises/{E}', body: () => ({ mainProduct: '精密轴承', version: 1 }), perFirm: true, roles: ['county', 'bureau', 'admin'] },
  { method: 'POST', path: '/admin/enterprises/{E}/notes', body: () => ({ body: '走访记录' }), perFirm: true, roles: ['county', 'expert', 'bureau', 'admin'] },
  { method: 'POST', path: '/admin/enterprises/{E}/titles', body: () => ({ tier: 'gazelle', level: 'provincial', year: 2025 }), perFirm: true, roles: ['county', 'bureau', 'admin'] },
  { method: 'PUT', path: '/admin/enterprises/{E}/years/2024', body: () => ({ revenue: 1200 }), perFirm: true, roles: ['county', 'bureau', 'admin'] },
  { method: 'PATCH', path: '/admin/titles/{T}', body: () => ({ batch: '第五批', version: 1 }), perFirm: true, roles: ['county', 'bureau', 'admin'] },
  { method: 'DELETE', path: '/admin/titles/{T}', perFirm: true, roles: ['bureau', 'admin'] },
  { method: 'DELETE', path: '/admin/enterprises/{E}', perFirm: true, roles: ['bureau', 'admin'] },
  { method: 'GET', path: '/admin/views', perFirm: false, roles: ['county', 'expert', 'bureau', 'admin'] },
  { method: 'POST', path: '/admin/views', body: () => ({ name: '临清专精特新', query: 'county=linqing&tier=srdi' }), perFirm: false, roles: ['county', 'expert', 'bureau', 'admin'] },
  { method: 'GET', path: '/admin/trash', perFirm: false, roles: ['county', 'expert', 'bureau', 'admin'] },
  { method: 'GET', path: '/admin/staff', perFirm: false, roles: ['admin'] },
  { method: 'GET', path: '/admin/staff/liaisons', perFirm: false, roles: ['county', 'bureau', 'admin'] },
  { method: 'POST', path: '/admin/staff/invitations', body: () => ({ email: `new${Math.random()}@bureau.example`, role: 'bureau' }), perFirm: false, roles: ['admin'] },
  { method: 'PATCH', path: '/admin/staff/{U}', body: () => ({ county: 'guanxian' }), perFirm: false, roles: ['admin'] },
];

const fill = (path: string, ids: Ids) => path.replace(/\{(\w)\}/g, (_, k: keyof Ids) => String(ids[k]));

async function signedIn(role: Role, extra: { county?: County; enterpriseId?: number } = {}) {
  const email = `${role}-${extra.county ?? ''}-${Math.random().toString(36).slice(2)}@example.org`;
  await makeUser(ctx.db, { role, email, county: extra.county ?? null, enterpriseId: extra.enterpriseId ?? null, totp: role !== 'enterprise' });
  const client = apiClient(api);
  const res = await signInWithSecondFactor(client, email);
  expect(res.status).toBe(200);
  return client;
}

async function counts() {
  return Promise.all([enterprises, tierRecognitions, enterpriseYears, savedViews].map(async (t) => (await ctx.db.select({ n: count() }).from(t))[0]!.n));
}

describe('bureau workspace authorization', () => {
  it('refuses anonymous (401), firm users (403), roles without the right (403) and out-of-scope ids (404) on every route', async () => {
    const linqing = await firmIn('linqing');
    const other = await firmIn('dongchangfu');
    const staff = await makeUser(ctx.db, { role: 'county', county: 'linqing' });
    const ids = (f: typeof linqing): Ids => ({ ...f, U: staff.id });
    const firmUser = await signedIn('enterprise', { enterpriseId: linqing.E });
    const officer = await signedIn('county', { county: 'linqing' });
    const expert = await signedIn('expert');
    const bureau = await signedIn('bureau');
    const before = await counts();
    const failures: string[] = [];
    const expectStatus = (who: string, route: (typeof ROUTES)[number], got: number, want: number) => {
      if (got !== want) failures.push(`${who} ${route.method} ${route.path}: ${got} (want ${want})`);
    };
    for (const route of ROUTES) {
      const path = fill(route.path, ids(other));
      const body = route.body?.(ids(other));
      expectStatus('anonymous', route, (await apiClient(api).call(route.method, path, body)).status, 401);
      expectStatus('firm user', route, (await firmUser.call(route.method, path, body)).status, 403);
      for (const [who, client, role] of [['county officer of 临清 on a 东昌府 firm', officer, 'county'], ['expert without a team', expert, 'expert']] as const) {
        const got = (await client.call(route.method, path, body)).status;
        if (!route.roles.includes(role)) expectStatus(who, route, got, 403);
        else if (route.perFirm) expectStatus(who, route, got, 404);
      }
      if (!route.roles.includes('bureau')) expectStatus('bureau', route, (await bureau.call(route.method, path, body)).status, 403);
    }
    expect(failures).toEqual([]);
    // Nothing refused left a trace; the allowed list/view calls above created at most the officer's and expert's views.
    const after = await counts();
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
  });

  it('lets each role do what it may, within its area', async () => {
    const linqing = await firmIn('linqing');
    const other = await firmIn('dongchangfu');
    const staff = await makeUser(ctx.db, { role: 'county', county: 'linqing' });
    for (const role of ['county', 'bureau', 'admin'] as const) {
      const client = await signedIn(role, role === 'county' ? { county: 'linqing' } : {});
      const problems: string[] = [];
      for (const route of ROUTES.filter((r) => r.roles.includes(role) && r.method !== 'DELETE')) {
        const target = { ...linqing, U: staff.id };
        let body = route.body?.(target);
        if (route.path === '/admin/enterprises/{E}' && route.method === 'PATCH') {
          const dossier = await client.call('GET', fill('/admin/enterprises/{E}', target));
          body = { mainProduct: `精密轴承${role}`, version: dossier.json.firm.version };
        }
        if (route.path === '/admin/titles/{T}') {
          const dossier = await client.call('GET', fill('/admin/enterprises/{E}', target));
          body = { batch: `第${role}批`, version: dossier.json.titles.find((t: { id: number }) => t.id === target.T).version };
        }
        if (route.path.endsWith('/titles')) body = { tier: 'gazelle', level: 'provincial', year: role === 'county' ? 2023 : role === 'bureau' ? 2024 : 2025 };
        if (route.path.includes('/years/')) {
          const dossier = await client.call('GET', fill('/admin/enterprises/{E}', target));
          const year = dossier.json.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2024);
          body = { revenue: 1000 + role.length, ...(year ? { version: year.version } : {}) };
        }
        const res = await client.call(route.method, fill(route.path, target), body);
        if (res.status >= 400) problems.push(`${role} ${route.method} ${route.path}: ${res.status} ${JSON.stringify(res.json)}`);
      }
      expect(problems).toEqual([]);
      const list = await client.call('GET', '/admin/enterprises');
      const seen = list.json.items.map((i: { id: number }) => i.id).sort();
      expect(seen).toEqual(role === 'county' ? [linqing.E] : [linqing.E, other.E].sort());
    }
  });

  it('shows an expert the firms its service team serves, and only while the expert is active', async () => {
    const served = await firmIn('linqing');
    const other = await firmIn('linqing');
    const client = await signedIn('expert');
    const [account] = await ctx.db.select().from(users).where(eq(users.role, 'expert'));
    const [expert] = await ctx.db.insert(experts).values({ name: '王工', userId: account!.id, status: 'active' }).returning();
    const [team] = await ctx.db.insert(serviceTeams).values({ number: 1, name: '第一服务团' }).returning();
    await ctx.db.insert(serviceTeamMembers).values({ teamId: team!.id, expertId: expert!.id, role: 'member' });
    await ctx.db.insert(serviceTeamFirms).values({ teamId: team!.id, enterpriseId: served.E });
    const list = await client.call('GET', '/admin/enterprises');
    expect(list.json.items.map((i: { id: number }) => i.id)).toEqual([served.E]);
    expect((await client.call('GET', `/admin/enterprises/${served.E}`)).status).toBe(200);
    expect((await client.call('GET', `/admin/enterprises/${other.E}`)).status).toBe(404);
    await ctx.db.update(experts).set({ status: 'suspended' }).where(eq(experts.id, expert!.id));
    expect((await client.call('GET', `/admin/enterprises/${served.E}`)).status).toBe(404);
  });
});
