import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { halls, mailOutbox, selectionReviews, serviceTeamFirms, serviceTeamMembers, serviceTeams } from '../../db/schema/index.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, signInWithSecondFactor, type TestContext } from '../../testing.ts';
import { makeExpert } from './factories.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
beforeAll(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterAll(() => ctx.cleanup());

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function signIn(email: string) {
  const client = apiClient(api);
  expect((await signInWithSecondFactor(client, email)).status).toBe(200);
  return client;
}

/** The bureau's signed-in client, shared: a TOTP code is good once, so signing in twice within 30 s is refused. */
let bureauClient: ReturnType<typeof apiClient>;

const allScores = (v: number) => ({ industry_fit: v, tier: v, growth: v, innovation: v, digital: v, showroom: v });

describe('a hall round through the API', () => {
  it('applies, screens, draws experts without conflicts, scores blind, ranks, notices, selects and tracks', async () => {
    const bureau = await makeUser(ctx.db, { role: 'bureau', totp: true, email: 'bureau@b.example' });
    await makeUser(ctx.db, { role: 'county', county: 'linqing', totp: true, email: 'linqing@b.example' });
    const b = await signIn(bureau.email);
    bureauClient = b;
    const county = await signIn('linqing@b.example');

    // Seven experts; one declared a conflict with the firm, one serves it through a team: neither may be drawn.
    const pool = await Promise.all(Array.from({ length: 7 }, (_, i) => makeExpert(ctx.db, `专家${i + 1}`)));
    const firm = await makeEnterprise(ctx.db, { county: 'linqing', name: '临清测试轴承有限公司', contactName: '王经理', contactEmail: 'w@firm.example', mainProduct: '圆锥滚子轴承' });
    await makeUser(ctx.db, { enterpriseId: firm.id, email: 'owner@firm.example' });
    expect((await b.call('POST', '/admin/conflicts', { expertId: pool[0]!.expert.id, enterpriseId: firm.id, reason: '曾任该企业顾问' })).status).toBe(201);
    expect((await county.call('POST', '/admin/conflicts', { expertId: pool[0]!.expert.id, enterpriseId: firm.id, reason: '曾任该企业顾问' })).status).toBe(403);
    expect((await b.call('GET', `/admin/conflicts?enterpriseId=${firm.id}`)).json.items).toEqual([expect.objectContaining({ expert: '专家1', reason: '曾任该企业顾问' })]);
    const [team] = await ctx.db.insert(serviceTeams).values({ number: 3, name: '第三服务团' }).returning();
    await ctx.db.insert(serviceTeamMembers).values({ teamId: team!.id, expertId: pool[1]!.expert.id, role: 'member' });
    await ctx.db.insert(serviceTeamFirms).values({ teamId: team!.id, enterpriseId: firm.id });

    const created = await b.call('POST', '/admin/rounds', {
      year: 2026,
      kind: 'hall',
      title: '2026年度千企在线展馆遴选',
      quota: 200,
      timeline: { applyFrom: '2026-03-01', applyTo: '2026-04-30', countyDue: '2026-05-20', cityDue: '2026-06-10', expertDue: '2026-07-10', noticeFrom: null },
      noticeWorkingDays: 5,
      expertsPerApplication: 5,
      objectionPhone: '0635-8888888',
      objectionEmail: 'objection@bureau.example',
    });
    expect(created.status).toBe(201);
    const round = created.json;
    // A notice shorter than five working days is refused; the rubric is frozen once the round opens.
    expect((await b.call('PATCH', `/admin/rounds/${round.id}`, { version: round.version, noticeWorkingDays: 3 })).status).toBe(400);
    expect((await b.call('POST', `/admin/rounds/${round.id}/phase`, { to: 'open' })).json.rubricFrozenAt).toBeTruthy();
    const frozen = await b.call('PATCH', `/admin/rounds/${round.id}`, { version: round.version + 1, rubric: { indicators: [{ key: 'fit', name: '契合', nameEn: 'Fit', weight: 100 }] } });
    expect(frozen.json.error.code).toBe('rubric_frozen');
    expect((await b.call('GET', '/admin/rounds')).json.items).toEqual([expect.objectContaining({ id: round.id, year: 2026, kind: 'hall', quota: 200, state: 'open' })]);

    // The firm applies with the register's data pre-filled, attaching its own document.
    const owner = apiClient(api);
    await owner.call('POST', '/auth/login', { email: 'owner@firm.example', password: 'correct horse battery' });
    const form = await owner.call('GET', `/portal/enterprises/${firm.id}/selection/rounds/${round.id}/form`);
    expect(form.json.data).toMatchObject({ name: '临清测试轴承有限公司', contactName: '王经理', mainProduct: '圆锥滚子轴承' });
    const doc = await owner.upload(`/portal/enterprises/${firm.id}/attachments`, PDF, '营业执照.pdf');
    const applyBody = { data: { ...form.json.data, statement: '希望通过线上展馆拓展客户' }, attachmentIds: [doc.json.id], freeNoticeConfirmed: true };
    expect((await owner.call('POST', `/portal/enterprises/${firm.id}/selection/rounds/${round.id}/applications`, { ...applyBody, freeNoticeConfirmed: false })).status).toBe(400);
    const other = await makeEnterprise(ctx.db, { county: 'linqing' });
    const foreignDoc = await b.upload(`/admin/enterprises/${other.id}/attachments`, PDF, '别家.pdf');
    expect((await owner.call('POST', `/portal/enterprises/${firm.id}/selection/rounds/${round.id}/applications`, { ...applyBody, attachmentIds: [foreignDoc.json.id] })).json.error.code).toBe('attachment_unknown');
    const applied = await owner.call('POST', `/portal/enterprises/${firm.id}/selection/rounds/${round.id}/applications`, applyBody);
    expect(applied.status).toBe(201);
    const appId = applied.json.id;
    expect((await owner.call('POST', `/portal/enterprises/${firm.id}/selection/rounds/${round.id}/applications`, applyBody)).json.error.code).toBe('already_applied');

    // County passes it; the county may not take the city's step (403, naming the rule); an impossible move is 409.
    const early = await county.call('POST', `/admin/applications/${appId}/transitions`, { to: 'proposed' });
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({ code: 'illegal_transition', details: { rule: 'submitted → proposed' } });
    expect((await county.call('POST', `/admin/applications/${appId}/transitions`, { to: 'city_review' })).status).toBe(200);
    const forbidden = await county.call('POST', `/admin/applications/${appId}/transitions`, { to: 'expert_review' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.error.details.rule).toBe('city_review → expert_review');
    expect((await b.call('POST', `/admin/applications/${appId}/transitions`, { to: 'expert_review' })).status).toBe(200);
    const list = await county.call('GET', `/admin/rounds/${round.id}/applications?state=expert_review`);
    expect(list.json).toEqual({ items: [expect.objectContaining({ id: appId, enterpriseId: firm.id, state: 'expert_review', score: null })], total: 1 });

    // The draw: five of the five eligible experts, reproducible from the recorded seed.
    const draw = await b.call('POST', `/admin/rounds/${round.id}/draw`, { seed: 'test-seed-1' });
    expect(draw.json).toEqual({ seed: 'test-seed-1', drawn: 1, short: 0 });
    const drawn = await ctx.db.select().from(selectionReviews).where(eq(selectionReviews.applicationId, appId));
    expect(drawn.map((r) => r.expertId).sort()).toEqual(pool.slice(2).map((p) => p.expert.id).sort());

    // While the application waits for the experts, the round cannot go to 公示.
    expect((await b.call('POST', `/admin/rounds/${round.id}/phase`, { to: 'review' })).status).toBe(200);
    const tooEarly = await b.call('POST', `/admin/rounds/${round.id}/phase`, { to: 'notice' });
    expect([tooEarly.status, tooEarly.json.error?.code, tooEarly.json.error?.details]).toEqual([409, 'round_undecided', { waiting: { expert_review: 1 } }]);

    // Blind scoring: an expert sees no peer totals until submitting; the last submission aggregates.
    const totals = [90, 70, 80, 60, 100];
    for (const [i, review] of drawn.entries()) {
      const who = pool.find((p) => p.expert.id === review.expertId)!;
      const e = await signIn(who.user.email);
      const task = await e.call('GET', `/admin/reviews/${review.id}`);
      expect(task.json).toMatchObject({ firm: '临清测试轴承有限公司', submitted: false, peerTotals: null });
      expect(task.json.data.statement).toBe('希望通过线上展馆拓展客户');
      expect((await e.call('POST', `/admin/reviews/${review.id}`, { scores: allScores(totals[i]!) })).json.total).toBe(totals[i]);
      expect((await e.call('GET', `/admin/reviews/${review.id}`)).json.peerTotals).toHaveLength(i + 1);
      expect((await e.call('POST', `/admin/reviews/${review.id}`, { scores: allScores(1) })).json.error.code).toBe('already_submitted');
      // Another expert's task is not found.
      if (i === 0) expect((await e.call('GET', `/admin/reviews/${drawn[1]!.id}`)).status).toBe(404);
      // Nor does an expert see the round's board (scores of others).
      if (i === 0) expect((await e.call('GET', `/admin/rounds/${round.id}/applications`)).status).toBe(403);
    }
    const detail = (await b.call('GET', `/admin/applications/${appId}`)).json;
    expect(detail.attachments).toEqual([{ id: doc.json.id, name: '营业执照.pdf', type: 'pdf' }]);
    expect(detail.reviews).toHaveLength(5);
    const scored = (await b.call('GET', `/admin/rounds/${round.id}/applications`)).json.items[0];
    expect(scored).toMatchObject({ score: 80, spread: 40, flagged: true });

    // Ranking → proposed list → notice (from a past Monday, so the five working days are over) → selected.
    expect((await b.call('GET', `/admin/rounds/${round.id}/ranking`)).json.items[0]).toMatchObject({ id: appId, rank: 1, proposed: true });
    expect((await b.call('POST', `/admin/rounds/${round.id}/propose`)).json).toEqual({ proposed: 1, notSelected: 0, waiting: 0 });
    const r2 = (await b.call('GET', `/admin/rounds/${round.id}`)).json.round;
    await b.call('PATCH', `/admin/rounds/${round.id}`, { version: r2.version, timeline: { ...r2.timeline, noticeFrom: '2026-06-01' } });
    expect((await b.call('POST', `/admin/applications/${appId}/transitions`, { to: 'notice' })).status).toBe(200);
    await b.call('POST', `/admin/rounds/${round.id}/phase`, { to: 'notice' });
    const notice = await apiClient(api).call('GET', '/selection/2026');
    expect(notice.json.items[0]).toMatchObject({ noticeFrom: '2026-06-01', noticeEnd: '2026-06-05', objectionPhone: '0635-8888888', proposed: [expect.objectContaining({ name: '临清测试轴承有限公司' })] });
    expect((await b.call('POST', `/admin/applications/${appId}/transitions`, { to: 'selected' })).status).toBe(200);

    // The firm sees its status with the firm's label; its hall exists as a draft; a message waits in the outbox.
    const status = await owner.call('GET', `/portal/enterprises/${firm.id}/selection`);
    expect(status.json.applications[0]).toMatchObject({ state: 'selected', label: { zh: '已入选' } });
    expect(status.json.applications[0].history.map((h: { label: { zh: string } }) => h.label.zh)).toEqual(['已提交，等待县区初审', '县区初审通过', '市局审核通过', '专家评审完成', '进入公示', '正式入选']);
    const [hall] = await ctx.db.select().from(halls).where(eq(halls.enterpriseId, firm.id));
    expect(hall!.status).toBe('draft');
    expect((await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'selection_selected'))).map((m) => m.to)).toEqual(['owner@firm.example']);

    // The tracker counts it; a reminder goes out once; publishing moves the count.
    let tracker = (await b.call('GET', `/admin/rounds/${round.id}/tracker`)).json;
    expect(tracker).toMatchObject({ published: 0, total: 1, byArea: [{ county: 'linqing', published: 0, total: 1 }] });
    expect(tracker.firms[0].checks).toEqual({ scenesWithoutHotspots: 0, brokenLinks: 0, contactFilled: true });
    expect((await b.call('POST', `/admin/rounds/${round.id}/tracker/reminders`)).json.queued).toBe(1);
    for (const path of ['tracker', 'drift', 'objections']) expect((await b.call('GET', `/admin/rounds/999999/${path}`)).status, path).toBe(404);
    expect((await b.call('POST', `/admin/rounds/${round.id}/tracker/reminders`)).json.queued).toBe(0);
    await ctx.db.update(halls).set({ status: 'published' }).where(eq(halls.id, hall!.id));
    tracker = (await b.call('GET', `/admin/rounds/${round.id}/tracker`)).json;
    expect(tracker).toMatchObject({ published: 1, total: 1 });
  });
});

describe('nominations and objections', () => {
  it('nominates every firm of a register query in the officer’s area, once', async () => {
    await makeUser(ctx.db, { role: 'county', county: 'chiping', totp: true, email: 'chiping@b.example' });
    const officer = await signIn('chiping@b.example');
    const mine = await Promise.all([1, 2, 3].map(() => makeEnterprise(ctx.db, { county: 'chiping', industry: 'aluminium' })));
    const elsewhere = await makeEnterprise(ctx.db, { county: 'gaotang', industry: 'aluminium' });
    const b = bureauClient;
    const round = (await b.call('POST', '/admin/rounds', { year: 2027, kind: 'title', tier: 'gazelle', level: 'provincial', title: '2027年省级瞪羚推荐', quota: 20, timeline: { applyFrom: '2027-03-01', applyTo: '2027-04-30', countyDue: '2027-05-20', cityDue: '2027-06-10', expertDue: '2027-07-10', noticeFrom: null } })).json;
    expect((await officer.call('POST', `/admin/rounds/${round.id}/nominations`, { query: 'industry=aluminium' })).json.error.code).toBe('round_not_open');
    await b.call('POST', `/admin/rounds/${round.id}/phase`, { to: 'open' });
    expect((await officer.call('POST', `/admin/rounds/${round.id}/nominations`, { query: 'industry=aluminium' })).json).toEqual({ created: 3, skipped: 0 });
    expect((await officer.call('POST', `/admin/rounds/${round.id}/nominations`, { enterpriseIds: [mine[0]!.id] })).json).toEqual({ created: 0, skipped: 1 });
    expect((await officer.call('POST', `/admin/rounds/${round.id}/nominations`, { enterpriseIds: [elsewhere.id] })).status).toBe(404);
    const list = (await officer.call('GET', `/admin/rounds/${round.id}/applications`)).json;
    expect(list.items.map((i: { enterpriseId: number }) => i.enterpriseId).sort()).toEqual(mine.map((f) => f.id).sort());
  });

  it('records objections only while the notice runs, about a firm on it', async () => {
    const b = bureauClient;
    const make = async (noticeFrom: string) => {
      const r = (await b.call('POST', '/admin/rounds', { year: 2028, kind: 'hall', title: '2028年度千企在线展馆遴选', quota: 10, timeline: { applyFrom: '2028-03-01', applyTo: '2028-04-30', countyDue: '2028-05-20', cityDue: '2028-06-10', expertDue: '2028-07-10', noticeFrom } })).json;
      for (const to of ['open', 'review', 'notice']) await b.call('POST', `/admin/rounds/${r.id}/phase`, { to });
      return r;
    };
    const over = await make('2026-06-01');
    const anon = apiClient(api);
    const sent = await anon.call('POST', '/selection/objections', { roundId: over.id, name: '张三', contact: '13800000000', text: '该企业存在环保问题' });
    expect(sent.json.error.code).toBe('notice_closed');
    // A notice starting today runs five working days from the next working day at the latest.
    const { todayInChina } = await import('../../lib/dates.ts');
    const running = await make(todayInChina());
    const ok = await anon.call('POST', '/selection/objections', { roundId: running.id, name: '张三', contact: '13800000000', text: '该企业存在环保问题' });
    expect(ok.status).toBe(201);
    expect((await anon.call('POST', '/selection/objections', { roundId: running.id, applicationId: 999999, name: '张三', contact: '13800000000', text: '该企业存在环保问题' })).status).toBe(400);
    const listed = (await b.call('GET', `/admin/rounds/${running.id}/objections`)).json.items;
    expect(listed).toEqual([expect.objectContaining({ name: '张三', status: 'open' })]);
    expect((await b.call('PATCH', `/admin/objections/${listed[0].id}`, { status: 'dismissed', response: '经核实不属实' })).json.status).toBe('dismissed');
  });
});

describe('publishing and deciding a whole list', () => {
  it('entering the notice publishes the proposed list from today; deciding waits for the five working days', async () => {
    const b = bureauClient;
    const { makeApplication, makeRound } = await import('./factories.ts');
    const round = await makeRound(ctx.db, { year: 2029, state: 'review', title: '2029年度千企在线展馆遴选' });
    const firms = await Promise.all([1, 2].map(() => makeEnterprise(ctx.db, { county: 'gaotang' })));
    for (const f of firms) await makeApplication(ctx.db, round, f, 'proposed', { score: 80 });
    const { todayInChina } = await import('../../lib/dates.ts');
    const noticed = await b.call('POST', `/admin/rounds/${round.id}/phase`, { to: 'notice' });
    expect(noticed.json).toMatchObject({ state: 'notice', timeline: { noticeFrom: todayInChina() } });
    expect((await b.call('GET', `/admin/rounds/${round.id}/applications?state=notice`)).json.total).toBe(2);
    const early = await b.call('POST', `/admin/rounds/${round.id}/decide`);
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('notice_running');
  });
});
