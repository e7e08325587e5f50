import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { experts } from '../../db/schema/index.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, signInWithSecondFactor, type TestContext } from '../../testing.ts';
import { fileRequest, transitionRequest } from './request-writes.ts';
import { makeTeam } from './fixtures.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

const ask = { supportAction: 'management' as const, serviceItem: null, title: '管理诊断', description: '请专家做一次管理诊断', attachmentIds: [], urgency: 'normal' as const, preferredTime: '' };

/**
 * Three firms: A in 临清 served by team 1 (the expert's), B and C in 冠县 served by team 2, C's request routed to
 * team 1. Who sees which request, and who may act on it.
 */
async function world() {
  const [A, B, C] = [await makeEnterprise(ctx.db, { county: 'linqing' }), await makeEnterprise(ctx.db, { county: 'guanxian' }), await makeEnterprise(ctx.db, { county: 'guanxian' })];
  const bureau = await makeUser(ctx.db, { role: 'bureau', totp: true });
  const expert = await makeUser(ctx.db, { role: 'expert', totp: true });
  const users = {
    bureau,
    admin: await makeUser(ctx.db, { role: 'admin', totp: true }),
    linqing: await makeUser(ctx.db, { role: 'county', county: 'linqing', totp: true }),
    guanxian: await makeUser(ctx.db, { role: 'county', county: 'guanxian', totp: true }),
    expert,
  };
  const t1 = await makeTeam(ctx.db, { members: [{ role: 'lead', userId: expert.id }], firms: [A.id] });
  const t2 = await makeTeam(ctx.db, { members: [{ role: 'lead' }], firms: [B.id, C.id] });
  const owner = await makeUser(ctx.db);
  const r = {
    A: (await fileRequest(ctx.db, { enterpriseId: A.id, userId: owner.id }, ask)).id,
    B: (await fileRequest(ctx.db, { enterpriseId: B.id, userId: owner.id }, ask)).id,
    C: (await fileRequest(ctx.db, { enterpriseId: C.id, userId: owner.id }, ask)).id,
  };
  await transitionRequest(ctx.db, { kind: 'staff', user: bureau }, r.C, { to: 'assigned', note: '', teamId: t1.teamId });
  await transitionRequest(ctx.db, { kind: 'staff', user: bureau }, r.B, { to: 'assigned', note: '', teamId: t2.teamId });
  return { firms: { A: A.id, B: B.id, C: C.id }, users, r, t1, t2 };
}

async function client(user: { email: string }) {
  const c = apiClient(api);
  expect((await signInWithSecondFactor(c, user.email)).status).toBe(200);
  return c;
}

describe('services scope: role × route', () => {
  it('shows each role only its requests and visits, in lists and by id', async () => {
    const w = await world();
    const expected: Record<keyof typeof w.users, ('A' | 'B' | 'C')[]> = {
      bureau: ['A', 'B', 'C'],
      admin: ['A', 'B', 'C'],
      linqing: ['A'],
      guanxian: ['B', 'C'],
      expert: ['A', 'C'],
    };
    for (const [role, sees] of Object.entries(expected) as [keyof typeof w.users, ('A' | 'B' | 'C')[]][]) {
      const c = await client(w.users[role]);
      const board = await c.call('GET', '/admin/requests?sort=created');
      expect(board.json.items.map((i: { id: number }) => i.id), role).toEqual(sees.map((k) => w.r[k]));
      expect(board.json.total, role).toBe(sees.length);
      for (const k of ['A', 'B', 'C'] as const) {
        const visible = sees.includes(k);
        expect((await c.call('GET', `/admin/requests/${w.r[k]}`)).status, `${role} GET ${k}`).toBe(visible ? 200 : 404);
        expect((await c.call('GET', `/admin/requests/${w.r[k]}/suggestions`)).status, `${role} suggestions ${k}`).toBe(visible ? 200 : 404);
        // A visit for the firm (it has an open request): 201 in scope, 404 outside — never 409, which would reveal the firm.
        const v = await c.call('POST', '/admin/visits', { enterpriseId: w.firms[k], requestId: w.r[k], status: 'planned', date: '2026-12-03' });
        expect(v.status, `${role} visit ${k}`).toBe(visible ? 201 : 404);
      }
      const calendar = await c.call('GET', '/admin/visits?from=2026-12-01&to=2026-12-31');
      expect(new Set(calendar.json.items.map((v: { enterpriseId: number }) => v.enterpriseId)), role).toEqual(new Set(sees.map((k) => w.firms[k])));
    }
  });

  it('lets an expert move only its team\'s requests, route only as lead within its team, and never manage the pool', async () => {
    const w = await world();
    const expert = await client(w.users.expert);
    expect((await expert.call('POST', `/admin/requests/${w.r.B}/transitions`, { to: 'contacted' })).status).toBe(404);
    expect((await expert.call('POST', `/admin/requests/${w.r.C}/transitions`, { to: 'contacted' })).json.state).toBe('contacted');
    // Lead of team 1 may route A within team 1, not to team 2.
    expect((await expert.call('POST', `/admin/requests/${w.r.A}/transitions`, { to: 'assigned', teamId: w.t2.teamId })).status).toBe(403);
    expect((await expert.call('POST', `/admin/requests/${w.r.A}/transitions`, { to: 'assigned', teamId: w.t1.teamId })).json.state).toBe('assigned');
    const [someone] = await ctx.db.select({ id: experts.id }).from(experts).limit(1);
    const linqing = await client(w.users.linqing);
    for (const role of ['expert', 'linqing'] as const) {
      const c = role === 'expert' ? expert : linqing;
      expect((await c.call('POST', `/admin/services/experts/${someone!.id}/status`, { to: 'suspended', reason: '连续两次差评' })).status, role).toBe(403);
      expect((await c.call('POST', `/admin/services/teams/${w.t1.teamId}/firms`, { ids: [w.firms.B] })).status, role).toBe(403);
      expect((await c.call('PUT', '/admin/services/sla', { assigned: 1 })).status, role).toBe(403);
    }
    // A county officer of 临清 takes team steps on its area's requests only.
    expect((await linqing.call('POST', `/admin/requests/${w.r.B}/transitions`, { to: 'contacted' })).status).toBe(404);
    expect((await linqing.call('POST', `/admin/requests/${w.r.A}/transitions`, { to: 'contacted' })).json.state).toBe('contacted');
  });

  it('records admission, suspension and retirement with reasons, and assigns firms to a team in bulk from filters', async () => {
    const w = await world();
    const bureau = await client(w.users.bureau);
    const applied = await bureau.call('POST', '/admin/services/experts', { name: '待审专家', title: '高级经济师', specialties: ['financing'], counties: ['linqing'] });
    expect(applied.status).toBe(201);
    const e = { id: applied.json.id as number };
    for (const [to, reason] of [['active', '资质审核通过'], ['suspended', '企业投诉待核实'], ['active', '核实无误，恢复']] as const) {
      expect((await bureau.call('POST', `/admin/services/experts/${e!.id}/status`, { to, reason })).json.status).toBe(to);
    }
    await bureau.call('POST', `/admin/services/experts/${e!.id}/status`, { to: 'retired', reason: '本人申请退出' });
    expect((await bureau.call('POST', `/admin/services/experts/${e!.id}/status`, { to: 'active', reason: '重新加入' })).json.error.code).toBe('pool_move_not_allowed');
    const history = await bureau.call('GET', `/admin/services/experts/${e!.id}/history`);
    expect(history.json.items.map((h: { toStatus: string; reason: string }) => [h.toStatus, h.reason])).toEqual([
      ['retired', '本人申请退出'],
      ['active', '核实无误，恢复'],
      ['suspended', '企业投诉待核实'],
      ['active', '资质审核通过'],
      ['pending', '提交入库申请'],
    ]);

    // Members: an active expert joins once; a county officer may be the 服务专员, an expert account may not.
    const [active] = await ctx.db.insert(experts).values({ name: '在库专家', status: 'active' }).returning();
    expect((await bureau.call('POST', `/admin/services/teams/${w.t2.teamId}/members`, { role: 'member', expertId: active!.id })).status).toBe(201);
    expect((await bureau.call('POST', `/admin/services/teams/${w.t2.teamId}/members`, { role: 'member', expertId: active!.id })).json.error.code).toBe('member_exists');
    expect((await bureau.call('POST', `/admin/services/teams/${w.t2.teamId}/members`, { role: 'member', expertId: e.id })).json.error.code).toBe('member_invalid');
    expect((await bureau.call('POST', `/admin/services/teams/${w.t2.teamId}/members`, { role: 'liaison', userId: w.users.guanxian.id })).status).toBe(201);
    expect((await bureau.call('POST', `/admin/services/teams/${w.t2.teamId}/members`, { role: 'liaison', userId: w.users.expert.id })).json.error.code).toBe('member_invalid');

    // All 冠县 firms move to team 1 (B and C were team 2's); the workload table follows.
    expect((await bureau.call('POST', `/admin/services/teams/${w.t1.teamId}/firms`, { query: 'county=guanxian' })).json).toEqual({ assigned: 0, moved: 2 });
    const teams = await bureau.call('GET', '/admin/services/teams');
    const t1 = teams.json.items.find((t: { id: number }) => t.id === w.t1.teamId);
    expect(t1).toMatchObject({ firms: 3, openRequests: 1 });
  });
});
