import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { cohortSelections, cohorts, enterpriseYears, enterprises, halls, leads, planTargets, plans, serviceOutcomes, serviceRequestEvents, serviceRequests, serviceVisits, tierRecognitions, trainees, trainingAttendances, trainingEvents, visitCounts, type Plan } from '../../db/schema/index.ts';
import { COUNTIES } from '../../domain/program.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, signInWithSecondFactor, type TestContext } from '../../testing.ts';
import { targetProgress } from './progress.ts';
import { computeServiceFigures } from './service-figures.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
let plan: Plan;

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
  [plan] = (await ctx.db.insert(plans).values({ code: '2021-2023', name: '三年行动计划', startYear: 2021, endYear: 2023 }).returning()) as [Plan];
  await ctx.db.insert(planTargets).values([
    { planId: plan.id, indicator: 'new_srdi_city', target: 150 },
    { planId: plan.id, indicator: 'new_srdi_city', county: 'linqing', target: 30 },
  ]);
});
afterEach(() => ctx.cleanup());

const title = (enterpriseId: number, year: number, extra: Partial<typeof tierRecognitions.$inferInsert> = {}) =>
  ctx.db.insert(tierRecognitions).values({ enterpriseId, tier: 'srdi', level: 'city', year, ...extra });
const srdiCity = async (q: { year?: number; county?: 'linqing' | 'dongchangfu' } = {}) => (await targetProgress(ctx.db, plan, q)).find((i) => i.indicator === 'new_srdi_city')!;

describe('counting rules on constructed data', () => {
  it('counts a firm designated twice once, in its first year; revoked never, expired still', async () => {
    const twice = await makeEnterprise(ctx.db);
    await title(twice.id, 2021);
    await title(twice.id, 2023);
    const expired = await makeEnterprise(ctx.db);
    await title(expired.id, 2022, { status: 'expired' });
    const revoked = await makeEnterprise(ctx.db);
    await title(revoked.id, 2022, { status: 'revoked' });
    const otherLevel = await makeEnterprise(ctx.db);
    await title(otherLevel.id, 2022, { level: 'provincial' });

    const all = await srdiCity();
    expect(all.actual).toBe(2);
    expect(all.target).toBe(150);
    expect(all.byYear).toEqual({ 2021: 1, 2022: 1, 2023: 0 });
    expect((await srdiCity({ year: 2023 })).actual).toBe(0);
    expect((await srdiCity({ year: 2023 })).cumulative).toBe(2);
  });

  it('counts designations just inside the plan’s years and not those just outside; a firm designated before the plan is not new', async () => {
    for (const [year, name] of [[2020, 'before'], [2021, 'first'], [2023, 'last'], [2024, 'after']] as const) {
      const firm = await makeEnterprise(ctx.db, { name });
      await title(firm.id, year);
    }
    const old = await makeEnterprise(ctx.db, { name: 'old' });
    await title(old.id, 2019);
    await title(old.id, 2022);
    const res = await srdiCity();
    expect(res.actual).toBe(2);
    const names = await ctx.db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises);
    const { ids } = await (await import('./progress.ts')).indicatorDrill(ctx.db, plan, 'new_srdi_city');
    expect(ids.map((id) => names.find((n) => n.id === id)!.name).sort()).toEqual(['first', 'last']);
  });

  it('splits by area so that the areas sum to the city total, with the area’s own target', async () => {
    const counties = ['linqing', 'linqing', 'dongchangfu', 'hitech', 'gaotang'] as const;
    for (const county of counties) {
      const firm = await makeEnterprise(ctx.db, { county });
      await title(firm.id, 2022);
    }
    const trashed = await makeEnterprise(ctx.db, { county: 'linqing', deletedAt: new Date() });
    await title(trashed.id, 2022);
    const city = await srdiCity();
    expect(city.actual).toBe(5);
    expect(COUNTIES.reduce((s, c) => s + (city.byCounty[c] ?? 0), 0)).toBe(city.actual);
    const linqing = await srdiCity({ county: 'linqing' });
    expect(linqing.actual).toBe(2);
    expect(linqing.target).toBe(30);
  });

  it('counts a firm screened once, in its first fiscal year with data inside the plan', async () => {
    const firm = await makeEnterprise(ctx.db);
    await ctx.db.insert(enterpriseYears).values([{ enterpriseId: firm.id, fiscalYear: 2022 }, { enterpriseId: firm.id, fiscalYear: 2023 }]);
    const outside = await makeEnterprise(ctx.db);
    await ctx.db.insert(enterpriseYears).values({ enterpriseId: outside.id, fiscalYear: 2024 });
    const screened = (await targetProgress(ctx.db, plan)).find((i) => i.indicator === 'firms_screened')!;
    expect(screened.actual).toBe(1);
    expect(screened.byYear).toEqual({ 2021: 0, 2022: 1, 2023: 0 });
  });
});

describe('hall indicators', () => {
  it('counts a cohort firm with a published hall once, in its first cohort; sums visits by year; counts only won leads as deals', async () => {
    const [c21, c22, c24] = await ctx.db.insert(cohorts).values([{ year: 2021, title: 'a' }, { year: 2022, title: 'b' }, { year: 2024, title: 'c' }]).returning();
    const twice = await makeEnterprise(ctx.db, { county: 'linqing' });
    const draft = await makeEnterprise(ctx.db);
    const later = await makeEnterprise(ctx.db);
    await ctx.db.insert(halls).values([{ enterpriseId: twice.id, status: 'published' }, { enterpriseId: draft.id, status: 'draft' }, { enterpriseId: later.id, status: 'published' }]);
    await ctx.db.insert(cohortSelections).values([
      { cohortId: c21!.id, enterpriseId: twice.id },
      { cohortId: c22!.id, enterpriseId: twice.id },
      { cohortId: c22!.id, enterpriseId: draft.id },
      { cohortId: c24!.id, enterpriseId: later.id },
    ]);
    await ctx.db.insert(visitCounts).values([
      { day: '2021-03-01', enterpriseId: twice.id, kind: 'hall_view', count: 5 },
      { day: '2023-12-31', enterpriseId: twice.id, kind: 'hall_view', count: 7 },
      { day: '2023-12-31', enterpriseId: twice.id, kind: 'scene_view', count: 50 },
      { day: '2024-01-01', enterpriseId: twice.id, kind: 'hall_view', count: 100 },
    ]);
    const lead = { enterpriseId: twice.id, kind: 'inquiry' as const, contactName: '访客', consentAt: new Date(), consentVersion: 'v1', createdAt: new Date('2022-05-01T00:00:00Z') };
    await ctx.db.insert(leads).values([{ ...lead, status: 'won' }, { ...lead, status: 'won' }, { ...lead, status: 'negotiating' }]);
    const items = await targetProgress(ctx.db, plan);
    const of = (code: string) => items.find((i) => i.indicator === code)!;
    expect(of('halls_published')).toMatchObject({ actual: 1, byYear: { 2021: 1, 2022: 0, 2023: 0 } });
    expect(of('hall_visits')).toMatchObject({ actual: 12, byYear: { 2021: 5, 2022: 0, 2023: 7 } });
    expect(of('hall_leads').actual).toBe(3);
    expect(of('hall_deals')).toMatchObject({ actual: 2, byCounty: { linqing: 2 } });
  });
});

describe('service, training and outcome indicators', () => {
  it('counts a person once in the year of their first completed course; firms helped by the year they confirmed; done visits; verified outcomes', async () => {
    const lq = await makeEnterprise(ctx.db, { county: 'linqing' });
    const dc = await makeEnterprise(ctx.db, { county: 'dongchangfu' });
    const event = async (track: 'digital_commissioner' | 'management_exemplar', startsOn: string) =>
      (await ctx.db.insert(trainingEvents).values({ track, title: `${track} ${startsOn}`, startsOn, endsOn: startsOn }).returning())[0]!.id;
    const [e20, e21, e22, m22] = [await event('digital_commissioner', '2020-05-01'), await event('digital_commissioner', '2021-05-01'), await event('digital_commissioner', '2022-05-01'), await event('management_exemplar', '2022-06-01')];
    const [early, twice, dropout, other] = await ctx.db
      .insert(trainees)
      .values([{ mobile: '13800000001', name: '甲' }, { mobile: '13800000002', name: '乙', enterpriseId: dc.id }, { mobile: '13800000003', name: '丙' }, { mobile: '13800000004', name: '丁' }])
      .returning();
    await ctx.db.insert(trainingAttendances).values([
      { eventId: e20, traineeId: early!.id, enterpriseId: lq.id, completed: true },
      { eventId: e22, traineeId: early!.id, enterpriseId: lq.id, completed: true },
      { eventId: e21, traineeId: twice!.id, enterpriseId: lq.id, completed: true },
      { eventId: e22, traineeId: twice!.id, enterpriseId: dc.id, completed: true },
      { eventId: e22, traineeId: dropout!.id, enterpriseId: dc.id, completed: false },
      { eventId: m22, traineeId: other!.id, enterpriseId: dc.id, completed: true },
    ]);
    const at = (iso: string) => new Date(`${iso}T00:00:00+08:00`);
    const request = { supportAction: 'srdi_upgrade' as const, title: '诉求', description: '说明', stateSince: new Date() };
    await ctx.db.insert(serviceRequests).values([
      { ...request, enterpriseId: lq.id, state: 'resolved', resolvedAt: at('2021-03-01') },
      { ...request, enterpriseId: lq.id, state: 'resolved', resolvedAt: at('2021-09-01') },
      // Confirmed on 1 January China time: 2022, though still 31 December in UTC.
      { ...request, enterpriseId: dc.id, state: 'resolved', resolvedAt: at('2022-01-01') },
      { ...request, enterpriseId: dc.id, state: 'awaiting_confirmation' },
    ]);
    await ctx.db.insert(serviceVisits).values([
      { enterpriseId: lq.id, status: 'done', basis: 'request', date: '2021-04-01' },
      { enterpriseId: lq.id, status: 'done', basis: 'request', date: '2021-05-01' },
      { enterpriseId: dc.id, status: 'planned', basis: 'consent', date: '2023-05-01' },
      { enterpriseId: dc.id, status: 'done', basis: 'consent', date: '2024-05-01' },
    ]);
    const outcome = { type: 'financing' as const, value: 100, description: '授信' };
    await ctx.db.insert(serviceOutcomes).values([
      { ...outcome, enterpriseId: lq.id, achievedOn: '2022-03-01', verifiedAt: new Date() },
      { ...outcome, enterpriseId: lq.id, achievedOn: '2022-04-01', verifiedAt: new Date() },
      { ...outcome, enterpriseId: dc.id, achievedOn: '2022-04-01' },
    ]);

    const items = await targetProgress(ctx.db, plan);
    const of = (code: string) => items.find((i) => i.indicator === code)!;
    expect(of('digital_commissioners')).toMatchObject({ actual: 1, unit: 'people', byYear: { 2021: 1, 2022: 0, 2023: 0 }, byCounty: { linqing: 1 } });
    expect(of('management_exemplars')).toMatchObject({ actual: 1, byYear: { 2022: 1 } });
    expect(of('firms_helped')).toMatchObject({ actual: 2, byYear: { 2021: 1, 2022: 1, 2023: 0 } });
    expect(of('service_visits')).toMatchObject({ actual: 2, byYear: { 2021: 2, 2022: 0, 2023: 0 } });
    expect(of('firms_with_outcomes')).toMatchObject({ actual: 1, byCounty: { linqing: 1 } });

    // The people drill names the person and their firm, never the mobile number.
    const email = `b${Math.random().toString(36).slice(2)}@example.org`;
    await makeUser(ctx.db, { role: 'bureau', email, totp: true });
    const client = apiClient(api);
    await signInWithSecondFactor(client, email);
    const drill = await client.call('GET', `/admin/targets/digital_commissioners/drill?plan=${plan.id}`);
    expect(drill.json).toMatchObject({ kind: 'people', items: [{ id: twice!.id, county: 'dongchangfu' }] });
    expect(drill.json.items[0].name).toContain('乙');
    expect(JSON.stringify(drill.json)).not.toContain('13800000002');
  });
});

describe('service figures', () => {
  it('counts filed and solved requests of the window, the median working days to first contact across National Day, reopenings, ratings and what is overdue now', async () => {
    const lq = await makeEnterprise(ctx.db, { county: 'linqing' });
    const dc = await makeEnterprise(ctx.db, { county: 'dongchangfu' });
    const at = (iso: string) => new Date(`${iso}T09:00:00+08:00`);
    const base = { supportAction: 'srdi_upgrade' as const, title: '诉求', description: '说明' };
    const plan2425 = { startYear: 2024, endYear: 2026 };
    const [a, b, c, d] = await ctx.db
      .insert(serviceRequests)
      .values([
        // Filed the day before National Day 2025 (1–8 October off): first contact on the 9th is 1 working day.
        { ...base, enterpriseId: lq.id, createdAt: at('2025-09-30'), stateSince: at('2025-09-30'), state: 'resolved', rating: 5, resolvedAt: at('2025-10-20') },
        { ...base, enterpriseId: lq.id, createdAt: at('2025-03-03'), stateSince: at('2025-03-03'), state: 'resolved', rating: 3, reopenCount: 1, resolvedAt: at('2025-04-01') },
        { ...base, enterpriseId: dc.id, createdAt: at('2025-03-03'), stateSince: at('2025-03-03'), state: 'in_service', dueAt: '2025-04-01' },
        // Filed in 2024: outside the year 2025, but overdue now all the same.
        { ...base, enterpriseId: dc.id, createdAt: at('2024-06-03'), stateSince: at('2024-06-03'), state: 'assigned', dueAt: '2024-06-05' },
      ])
      .returning();
    await ctx.db.insert(serviceRequestEvents).values([
      { requestId: a!.id, fromState: 'assigned', toState: 'contacted', at: at('2025-10-09') },
      { requestId: b!.id, fromState: 'assigned', toState: 'contacted', at: at('2025-03-05') },
      // A second contact after a reopening does not count: the first one does.
      { requestId: b!.id, fromState: 'assigned', toState: 'contacted', at: at('2025-03-20') },
      { requestId: c!.id, fromState: 'assigned', toState: 'contacted', at: at('2025-03-10') },
    ]);
    void d;
    const year = await computeServiceFigures(ctx.db, { ...plan2425, year: 2025 }, '2026-11-30');
    expect(year).toEqual({ filed: 3, solved: 2, solvedRate: 2 / 3, medianContactDays: 2, reopenRate: 1 / 3, satisfaction: 4, rated: 2, overdue: 2 });
    const area = await computeServiceFigures(ctx.db, { ...plan2425, county: 'linqing' }, '2026-11-30');
    expect(area).toMatchObject({ filed: 2, solved: 2, medianContactDays: 1.5, overdue: 0 });
    expect(await computeServiceFigures(ctx.db, { startYear: 2021, endYear: 2023 }, '2026-11-30')).toMatchObject({ filed: 0, solvedRate: null, medianContactDays: null, satisfaction: null });
  });
});

describe('GET /api/admin/targets', () => {
  async function signIn(role: 'bureau' | 'county' | 'expert' | 'enterprise') {
    const email = `${role}${Math.random().toString(36).slice(2)}@example.org`;
    await makeUser(ctx.db, { role, email, county: role === 'county' ? 'linqing' : null, totp: role !== 'enterprise' });
    const client = apiClient(api);
    await signInWithSecondFactor(client, email);
    return client;
  }

  it('answers items with indicator, target, actual and rule; a county officer sees only their area', async () => {
    const a = await makeEnterprise(ctx.db, { county: 'linqing' });
    const b = await makeEnterprise(ctx.db, { county: 'dongchangfu' });
    await title(a.id, 2021);
    await title(b.id, 2021);
    const bureau = await signIn('bureau');
    const res = await bureau.call('GET', `/admin/targets?plan=${plan.id}`);
    expect(res.status).toBe(200);
    const item = res.json.items.find((i: { indicator: string }) => i.indicator === 'new_srdi_city');
    expect(item).toMatchObject({ indicator: 'new_srdi_city', target: 150, actual: 2 });
    expect(item.rule.zh).toContain('只计一次');

    const county = await signIn('county');
    const scoped = await county.call('GET', `/admin/targets?plan=${plan.id}&county=dongchangfu`);
    expect(scoped.json.items.find((i: { indicator: string }) => i.indicator === 'new_srdi_city')).toMatchObject({ actual: 1, target: 30 });
    const drill = await county.call('GET', `/admin/targets/new_srdi_city/drill?plan=${plan.id}`);
    expect(drill.json.items.map((f: { id: number }) => f.id)).toEqual([a.id]);

    expect((await bureau.call('GET', `/admin/targets?plan=${plan.id}&year=2025`)).status).toBe(400);
    expect((await bureau.call('GET', `/admin/targets?plan=abc`)).status).toBe(400);
    expect((await (await signIn('expert')).call('GET', '/admin/targets')).status).toBe(403);

    // A new plan period is data: its years and targets, then counted by the same registry.
    const next = { code: '2024-2026', name: '后续行动', startYear: 2024, endYear: 2026, targets: [{ indicator: 'new_srdi_city', target: 40 }, { indicator: 'new_srdi_city', county: 'linqing', target: 9 }] };
    const created = await bureau.call('POST', '/admin/targets/plans', next);
    expect(created.status).toBe(201);
    const c24 = await makeEnterprise(ctx.db, { county: 'linqing' });
    await title(c24.id, 2025);
    const progress = await bureau.call('GET', `/admin/targets?plan=${created.json.plan.id}&county=linqing`);
    expect(progress.json.items.find((i: { indicator: string }) => i.indicator === 'new_srdi_city')).toMatchObject({ target: 9, actual: 1 });
    expect((await bureau.call('POST', '/admin/targets/plans', { ...next, code: 'other' })).status).toBe(409);
    expect((await bureau.call('POST', '/admin/targets/plans', { ...next, code: 'bad', startYear: 2030, endYear: 2029 })).status).toBe(400);
    expect((await county.call('POST', '/admin/targets/plans', { ...next, code: 'x-2030', startYear: 2030, endYear: 2031 })).status).toBe(403);
    expect((await (await signIn('enterprise')).call('GET', '/admin/targets')).status).toBe(403);
    void eq;
  });
});
