import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { enterpriseYears, mailOutbox } from '../../db/schema/index.ts';
import { todayInChina } from '../../lib/dates.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, signInWithSecondFactor, type TestContext } from '../../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
const lastYear = Number(todayInChina().slice(0, 4)) - 1;
const full = { revenue: 5000, mainRevenue: 4500, rdSpend: 200, employees: 80, totalAssets: 6000, totalLiabilities: 2500 };

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

async function staff(role: 'bureau' | 'county') {
  const email = `${role}${Math.random().toString(36).slice(2)}@example.org`;
  await makeUser(ctx.db, { role, email, county: role === 'county' ? 'linqing' : null, totp: true });
  const client = apiClient(api);
  await signInWithSecondFactor(client, email);
  return client;
}

async function firms() {
  const done = await makeEnterprise(ctx.db, { county: 'linqing', name: '甲公司' });
  await ctx.db.insert(enterpriseYears).values({ enterpriseId: done.id, fiscalYear: lastYear, ...full });
  const partly = await makeEnterprise(ctx.db, { county: 'linqing', name: '乙公司' });
  await ctx.db.insert(enterpriseYears).values({ enterpriseId: partly.id, fiscalYear: lastYear, ...full, rdSpend: null });
  const none = await makeEnterprise(ctx.db, { county: 'dongchangfu', name: '丙公司' });
  await ctx.db.insert(enterpriseYears).values({ enterpriseId: none.id, fiscalYear: lastYear - 1, ...full });
  for (const f of [done, partly, none]) await makeUser(ctx.db, { enterpriseId: f.id, email: `u${f.id}@example.org` });
  return { done, partly, none };
}

describe('the yearly data campaign', () => {
  it('shows completion by area and a chase list; late firms are flagged once the due date has passed', async () => {
    const { partly, none } = await firms();
    const bureau = await staff('bureau');
    expect((await bureau.call('POST', '/admin/campaign', { fiscalYear: lastYear, dueDate: '2000-05-31' })).status).toBe(201);
    expect((await bureau.call('POST', '/admin/campaign', { fiscalYear: lastYear, dueDate: '2000-05-31' })).status).toBe(409);
    expect((await bureau.call('POST', '/admin/campaign', { fiscalYear: lastYear + 1, dueDate: '2100-05-31' })).status).toBe(400);
    expect((await bureau.call('POST', '/admin/campaign', { fiscalYear: lastYear - 2, dueDate: '2000-02-31' })).status).toBe(400);

    const res = (await bureau.call('GET', '/admin/campaign')).json;
    expect(res.total).toEqual({ firms: 3, complete: 1 });
    expect(res.byCounty.find((a: { county: string }) => a.county === 'linqing')).toMatchObject({ firms: 2, complete: 1, incomplete: 1, missing: 0 });
    expect(res.chase.map((f: { id: number; state: string; late: boolean }) => [f.id, f.state, f.late])).toEqual([
      [none.id, 'missing', true],
      [partly.id, 'incomplete', true],
    ]);

    const county = (await (await staff('county')).call('GET', '/admin/campaign')).json;
    expect(county.chase.map((f: { id: number }) => f.id)).toEqual([partly.id]);
  });

  it('reminds the users of firms not complete through the outbox, at most once a day', async () => {
    const { partly, none } = await firms();
    const bureau = await staff('bureau');
    await bureau.call('POST', '/admin/campaign', { fiscalYear: lastYear, dueDate: `${lastYear + 1}-05-31` });
    const sent = await bureau.call('POST', '/admin/campaign/remind', { fiscalYear: lastYear });
    expect(sent.json).toEqual({ firms: 2, queued: 2 });
    const mails = await ctx.db.select().from(mailOutbox);
    expect(mails.filter((m) => m.kind === 'data_campaign_reminder').map((m) => m.to).sort()).toEqual([`u${none.id}@example.org`, `u${partly.id}@example.org`].sort());
    expect(mails[0]!.text).toContain(`${lastYear + 1}-05-31`);
    expect((await bureau.call('POST', '/admin/campaign/remind', { fiscalYear: lastYear })).status).toBe(429);
  });
});
