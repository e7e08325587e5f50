import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, signInWithSecondFactor, type TestContext } from '../../testing.ts';
import { makeTeam } from './fixtures.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

async function client(user: { email: string }) {
  const c = apiClient(api);
  expect((await signInWithSecondFactor(c, user.email)).status).toBe(200);
  return c;
}

const visit = (enterpriseId: number, extra: Record<string, unknown> = {}) => ({ enterpriseId, status: 'planned', date: '2026-12-07', ...extra });

describe('非请勿扰 on the server', () => {
  it('refuses a visit without an open request or consent, allows it while either holds, and again refuses once both are gone', async () => {
    const firm = await makeEnterprise(ctx.db, { county: 'linqing' });
    const owner = await makeUser(ctx.db, { enterpriseId: firm.id });
    const expertUser = await makeUser(ctx.db, { role: 'expert', totp: true });
    const { expertIds: [expertId] } = await makeTeam(ctx.db, { members: [{ role: 'lead', userId: expertUser.id }], firms: [firm.id] });
    const [portal, expert] = [await client(owner), await client(expertUser)];

    const refused = await expert.call('POST', '/admin/visits', visit(firm.id));
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('visit_not_requested');
    expect(refused.json.error.message).toContain('非请勿扰');

    // The firm agrees to visits in the portal: now it may be visited, and the visit records why.
    expect((await portal.call('POST', `/portal/enterprises/${firm.id}/visit-consent`, { note: '欢迎每季度来一次' })).json.consent).not.toBeNull();
    const allowed = await expert.call('POST', '/admin/visits', visit(firm.id, { status: 'done', date: '2026-11-20', durationMinutes: 90, diagnosis: '仓储布局不合理' }));
    expect(allowed.status).toBe(201);
    expect(allowed.json.visit).toMatchObject({ basis: 'consent', enterpriseId: firm.id, expertIds: [expertId] });

    // Withdrawn: refused again, also when a planned visit would be marked done.
    const planned = await expert.call('POST', '/admin/visits', visit(firm.id));
    expect(planned.status).toBe(201);
    await portal.call('DELETE', `/portal/enterprises/${firm.id}/visit-consent`);
    expect((await expert.call('POST', '/admin/visits', visit(firm.id))).json.error.code).toBe('visit_not_requested');
    expect((await expert.call('PATCH', `/admin/visits/${planned.json.visit.id}`, { status: 'done' })).json.error.code).toBe('visit_not_requested');

    // An open request is an invitation; once it is withdrawn, it is not.
    const filed = await portal.call('POST', `/portal/enterprises/${firm.id}/requests`, { supportAction: 'service_platform', serviceItem: 'policy', title: '政策解读', description: '想了解技改补贴政策' });
    const byRequest = await expert.call('POST', '/admin/visits', visit(firm.id, { requestId: filed.json.id }));
    expect(byRequest.status).toBe(201);
    expect(byRequest.json.visit.basis).toBe('request');
    await portal.call('POST', `/portal/enterprises/${firm.id}/requests/${filed.json.id}/transitions`, { to: 'withdrawn' });
    expect((await expert.call('POST', '/admin/visits', visit(firm.id))).status).toBe(409);
    // The firm sees the visits made to it.
    expect((await portal.call('GET', `/portal/enterprises/${firm.id}/visits`)).json.items).toHaveLength(3);
    const dossier = await expert.call('GET', `/admin/enterprises/${firm.id}`);
    expect(dossier.json.services.visits.map((v: { basis: string }) => v.basis).sort()).toEqual(['consent', 'consent', 'request']);
    expect(dossier.json.services.consent).toBeNull();
  });
});

describe('the shared calendar', () => {
  it('warns when another team visited or plans to visit the same firm within two weeks', async () => {
    const firm = await makeEnterprise(ctx.db, { county: 'guanxian' });
    const owner = await makeUser(ctx.db, { enterpriseId: firm.id });
    const bureauUser = await makeUser(ctx.db, { role: 'bureau', totp: true });
    const served = await makeTeam(ctx.db, { members: [{ role: 'lead' }], firms: [firm.id] });
    const other = await makeTeam(ctx.db, { members: [{ role: 'lead' }] });
    const [portal, bureau] = [await client(owner), await client(bureauUser)];
    const filed = await portal.call('POST', `/portal/enterprises/${firm.id}/requests`, { supportAction: 'financing', serviceItem: 'financing', title: '贷款', description: '需要流动资金贷款' });
    await bureau.call('POST', `/admin/requests/${filed.json.id}/transitions`, { to: 'assigned', teamId: other.teamId });

    const first = await bureau.call('POST', '/admin/visits', visit(firm.id, { date: '2026-12-01' }));
    expect(first.json.visit.teamId).toBe(served.teamId);
    expect(first.json.warnings).toEqual([]);
    const second = await bureau.call('POST', '/admin/visits', visit(firm.id, { date: '2026-12-10', requestId: filed.json.id }));
    expect(second.json.visit.teamId).toBe(other.teamId);
    expect(second.json.warnings).toMatchObject([{ date: '2026-12-01', teamId: served.teamId }]);
    const far = await bureau.call('POST', '/admin/visits', visit(firm.id, { date: '2027-01-20', requestId: filed.json.id }));
    expect(far.json.warnings).toEqual([]);

    const calendar = await bureau.call('GET', '/admin/visits?from=2026-11-01&to=2027-02-01');
    expect(calendar.json.items.map((v: { date: string; clash: boolean }) => [v.date, v.clash])).toEqual([
      ['2026-12-01', true],
      ['2026-12-10', true],
      ['2027-01-20', false],
    ]);
  });
});

describe('visit dates', () => {
  it('refuses a visit made in the future and a follow-up due before the visit; a planned visit may lie ahead but not be marked made', async () => {
    const firm = await makeEnterprise(ctx.db, { county: 'linqing' });
    const owner = await makeUser(ctx.db, { enterpriseId: firm.id });
    const expertUser = await makeUser(ctx.db, { role: 'expert', totp: true });
    await makeTeam(ctx.db, { members: [{ role: 'lead', userId: expertUser.id }], firms: [firm.id] });
    const [portal, expert] = [await client(owner), await client(expertUser)];
    await portal.call('POST', `/portal/enterprises/${firm.id}/visit-consent`, { note: '欢迎' });
    const future = await expert.call('POST', '/admin/visits', visit(firm.id, { status: 'done', date: '2099-01-01' }));
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.json)).toContain('不能晚于今天');
    expect((await expert.call('POST', '/admin/visits', visit(firm.id, { status: 'done', date: '2026-11-20', followUpDue: '2026-11-01' }))).status).toBe(400);
    const ahead = await expert.call('POST', '/admin/visits', visit(firm.id, { date: '2099-01-01' }));
    expect(ahead.status).toBe(201);
    expect((await expert.call('PATCH', `/admin/visits/${ahead.json.visit.id}`, { status: 'done' })).json.error.code).toBe('invalid_visit');
    expect((await expert.call('PATCH', `/admin/visits/${ahead.json.visit.id}`, { status: 'cancelled' })).status).toBe(200);
  });
});
