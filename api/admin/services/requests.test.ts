import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { experts, mailOutbox } from '../../db/schema/index.ts';
import { findTransition, priorityAfter, REQUEST_TRANSITIONS } from '../../domain/requests.ts';
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

describe('the request workflow table', () => {
  it('lets only the firm close a request, and reopening raises the priority up to 3', () => {
    expect(REQUEST_TRANSITIONS.filter((t) => t.to === 'resolved').map((t) => t.by)).toEqual(['firm']);
    const reopen = findTransition('awaiting_confirmation', 'in_service')!;
    expect(reopen.by).toBe('firm');
    expect(priorityAfter(reopen, 0)).toBe(1);
    expect(priorityAfter(reopen, 3)).toBe(3);
    expect(priorityAfter(findTransition('contacted', 'in_service')!, 1)).toBe(1);
    expect(findTransition('new', 'resolved')).toBeUndefined();
  });
});

describe('a request from the portal to the firm\'s confirmation', () => {
  it('is routed, served, reopened with raised priority, and closed only by the firm with a rating', async () => {
    const firm = await makeEnterprise(ctx.db, { county: 'linqing' });
    const owner = await makeUser(ctx.db, { enterpriseId: firm.id });
    const bureauUser = await makeUser(ctx.db, { role: 'bureau', totp: true });
    const expertUser = await makeUser(ctx.db, { role: 'expert', totp: true });
    const { teamId, expertIds } = await makeTeam(ctx.db, { members: [{ role: 'lead', userId: expertUser.id, specialties: ['lean_production'] }, { role: 'member', specialties: ['legal'] }], firms: [firm.id] });
    const [portal, bureau, expert] = [await client(owner), await client(bureauUser), await client(expertUser)];

    const filed = await portal.call('POST', `/portal/enterprises/${firm.id}/requests`, {
      supportAction: 'management',
      serviceItem: 'lean_production',
      title: '生产线换型时间长',
      description: '希望专家指导快速换模（SMED）',
      urgency: 'normal',
    });
    expect(filed.status).toBe(201);
    expect(filed.json).toEqual({ id: expect.any(Number), state: 'new' });
    const id = filed.json.id as number;

    // The board lists it; the suggestions put the lean-production expert of the firm's team first.
    const board = await bureau.call('GET', '/admin/requests?state=new');
    expect(board.json.total).toBe(1);
    expect(board.json.items[0]).toMatchObject({ id, enterpriseId: firm.id, state: 'new', teamId: null, dueAt: expect.any(String) });
    expect((await bureau.call('GET', `/admin/requests?q=${encodeURIComponent('换型')}`)).json.total).toBe(1);
    expect((await bureau.call('GET', `/admin/requests?q=${encodeURIComponent('%')}`)).json.total).toBe(0);
    const suggestions = await bureau.call('GET', `/admin/requests/${id}/suggestions`);
    expect(suggestions.json.items[0]).toMatchObject({ expertId: expertIds[0], teamId, reasons: ['item', 'area', 'firm_team'] });

    // The firm cannot take staff steps; staff cannot close for the firm; unknown moves are refused.
    expect((await portal.call('POST', `/portal/enterprises/${firm.id}/requests/${id}/transitions`, { to: 'in_service', note: 'x' })).status).toBe(409);
    expect((await bureau.call('POST', `/admin/requests/${id}/transitions`, { to: 'resolved' })).json.error.code).toBe('transition_not_allowed');
    expect((await bureau.call('POST', `/admin/requests/${id}/transitions`, { to: 'assigned' })).json.error.code).toBe('team_required');

    const routed = await bureau.call('POST', `/admin/requests/${id}/transitions`, { to: 'assigned', note: '请组长跟进', teamId, expertId: expertIds[0] });
    expect(routed.json).toMatchObject({ state: 'assigned', teamId, expertId: expertIds[0] });
    expect((await bureau.call('POST', `/admin/requests/${id}/transitions`, { to: 'assigned', teamId, expertId: expertIds[0] })).json.error.code).toBe('nothing_changed');
    // The dispatch note stays with staff; the firm sees that the request was assigned.
    const seenByFirm = (await portal.call('GET', `/portal/enterprises/${firm.id}/requests/${id}`)).json.history;
    expect(seenByFirm.find((e: { toState: string }) => e.toState === 'assigned')).toMatchObject({ note: '' });
    expect((await bureau.call('GET', `/admin/requests/${id}`)).json.history.find((e: { toState: string }) => e.toState === 'assigned')).toMatchObject({ note: '请组长跟进' });
    const [mail] = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'request_assigned'));
    expect(mail!.to).toBe(expertUser.email);

    for (const to of ['contacted', 'in_service']) expect((await expert.call('POST', `/admin/requests/${id}/transitions`, { to })).json.state).toBe(to);
    expect((await expert.call('POST', `/admin/requests/${id}/transitions`, { to: 'awaiting_confirmation' })).json.error.code).toBe('note_required');
    expect((await expert.call('POST', `/admin/requests/${id}/transitions`, { to: 'awaiting_confirmation', note: '已现场指导换模' })).json.state).toBe('awaiting_confirmation');

    // Not solved: back to 服务中 with priority 1 and a shorter deadline than the first time.
    const reopened = await portal.call('POST', `/portal/enterprises/${firm.id}/requests/${id}/transitions`, { to: 'in_service', note: '换型仍需 40 分钟' });
    expect(reopened.json).toMatchObject({ state: 'in_service', priority: 1 });
    await expert.call('POST', `/admin/requests/${id}/transitions`, { to: 'awaiting_confirmation', note: '第二次指导' });
    const again = await portal.call('POST', `/portal/enterprises/${firm.id}/requests/${id}/transitions`, { to: 'in_service', note: '仍未解决' });
    expect(again.json.priority).toBe(2);
    const detail = await bureau.call('GET', `/admin/requests/${id}`);
    expect(detail.json).toMatchObject({ reopenCount: 2, priority: 2, state: 'in_service' });
    await expert.call('POST', `/admin/requests/${id}/transitions`, { to: 'awaiting_confirmation', note: '第三次' });

    // Confirmation needs a rating; it closes the request and rates the expert.
    expect((await portal.call('POST', `/portal/enterprises/${firm.id}/requests/${id}/transitions`, { to: 'resolved' })).json.error.code).toBe('rating_required');
    // The form's unchosen select sends an empty rating: asked to choose one.
    expect((await portal.call('POST', `/portal/enterprises/${firm.id}/requests/${id}/transitions`, { to: 'resolved', rating: '' })).json.error.message).toContain('请选择评分');
    const closed = await portal.call('POST', `/portal/enterprises/${firm.id}/requests/${id}/transitions`, { to: 'resolved', rating: 4, feedback: '换型缩短到 12 分钟' });
    expect(closed.json.state).toBe('resolved');
    const [rated] = await ctx.db.select().from(experts).where(eq(experts.id, expertIds[0]!));
    expect(rated).toMatchObject({ rating: 4, ratingCount: 1 });

    const seen = await portal.call('GET', `/portal/enterprises/${firm.id}/requests/${id}`);
    expect(seen.json.history.map((h: { toState: string }) => h.toState)).toEqual(['new', 'assigned', 'contacted', 'in_service', 'awaiting_confirmation', 'in_service', 'awaiting_confirmation', 'in_service', 'awaiting_confirmation', 'resolved']);
    expect(seen.json.transitions).toEqual([]);

    // The dossier (一企一档) lists the request, resolved and rated, with its team and expert.
    const dossier = await bureau.call('GET', `/admin/enterprises/${firm.id}`);
    expect(dossier.json.services.requests).toMatchObject([{ id, state: 'resolved', rating: 4, reopenCount: 2, teamName: expect.any(String), expertName: expect.any(String) }]);
  });

  it('refuses another firm\'s attachments and a service item of another support action', async () => {
    const firm = await makeEnterprise(ctx.db);
    const other = await makeEnterprise(ctx.db);
    const owner = await makeUser(ctx.db, { enterpriseId: firm.id });
    const otherOwner = await makeUser(ctx.db, { enterpriseId: other.id });
    const otherPortal = await client(otherOwner);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f3d6e40000000049454e44ae426082', 'hex');
    const upload = await otherPortal.upload(`/portal/enterprises/${other.id}/attachments`, png, '现场.png');
    expect(upload.status).toBe(201);
    const portal = await client(owner);
    const body = { supportAction: 'financing', serviceItem: 'financing', title: '流动资金贷款', description: '需要三百万流动资金', attachmentIds: [upload.json.id] };
    expect((await portal.call('POST', `/portal/enterprises/${firm.id}/requests`, body)).json.error.code).toBe('attachment_unknown');
    expect((await portal.call('POST', `/portal/enterprises/${firm.id}/requests`, { ...body, attachmentIds: [], serviceItem: 'legal' })).status).toBe(400);
    expect((await otherPortal.call('POST', `/portal/enterprises/${other.id}/requests`, body)).status).toBe(201);
  });
});
