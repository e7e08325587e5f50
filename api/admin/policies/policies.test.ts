import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { enterpriseYears, mailOutbox, tierRecognitions } from '../../db/schema/index.ts';
import { todayInChina } from '../../lib/dates.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, signInWithSecondFactor, type TestContext } from '../../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
const lastYear = Number(todayInChina().slice(0, 4)) - 1;

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

async function signIn(email: string) {
  const client = apiClient(api);
  await signInWithSecondFactor(client, email);
  return client;
}

/** A small provincial 专精特新 firm with the given R&D (万元) on revenue 2,000 万元. */
async function srdiFirm(rdSpend: number, name: string) {
  const firm = await makeEnterprise(ctx.db, { name, sizeClass: 'small', county: 'linqing' });
  await ctx.db.insert(tierRecognitions).values({ enterpriseId: firm.id, tier: 'srdi', level: 'provincial', year: lastYear, validTo: `${lastYear + 3}-06-30` });
  await ctx.db.insert(enterpriseYears).values({ enterpriseId: firm.id, fiscalYear: lastYear, revenue: 2000, mainRevenue: 1900, rdSpend });
  await makeUser(ctx.db, { enterpriseId: firm.id, email: `${name}@example.org` });
  return firm;
}

describe('policy matching in the workspace and the portal', () => {
  it('lists eligible firms that have not applied, messages them once a day, and drops those recorded as applied', async () => {
    const yes = await srdiFirm(120, 'yes');
    const applied = await srdiFirm(150, 'applied');
    await srdiFirm(40, 'short');
    await makeUser(ctx.db, { role: 'bureau', email: 'b@example.org', totp: true });
    const bureau = await signIn('b@example.org');
    expect((await bureau.call('POST', '/admin/policies/srdi-award/applications', { enterpriseId: applied.id })).status).toBe(201);

    const list = (await bureau.call('GET', '/admin/policies')).json.items.find((p: { slug: string }) => p.slug === 'srdi-award');
    expect(list).toMatchObject({ eligible: 2, notApplied: 1 });
    const one = (await bureau.call('GET', '/admin/policies/srdi-award')).json;
    expect(one.items.map((f: { id: number }) => f.id)).toEqual([yes.id]);

    expect((await bureau.call('POST', '/admin/policies/srdi-award/notify')).json).toEqual({ firms: 1, queued: 1 });
    const mails = await ctx.db.select().from(mailOutbox);
    expect(mails.map((m) => m.to)).toEqual(['yes@example.org']);
    expect((await bureau.call('POST', '/admin/policies/srdi-award/notify')).status).toBe(429);
    expect((await bureau.call('GET', '/admin/policies/no-such')).status).toBe(404);
  });

  it('shows a firm its possible entitlements with the gap in the pre-evaluation’s terms', async () => {
    const short = await srdiFirm(40, 'short');
    const portal = apiClient(api);
    await portal.call('POST', '/auth/login', { email: 'short@example.org', password: 'correct horse battery' });
    const res = await portal.call('GET', `/portal/enterprises/${short.id}/policies`);
    expect(res.status).toBe(200);
    const award = res.json.items.find((p: { slug: string }) => p.slug === 'srdi-award');
    expect(award.status).toBe('gaps');
    expect(award.gaps[0].zh).toContain('上年度研发费用差 60 万元');
    const other = await makeEnterprise(ctx.db);
    expect((await portal.call('GET', `/portal/enterprises/${other.id}/policies`)).status).toBe(403);
  });
});
