import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { leads, products, visitCounts } from '../../db/schema/index.ts';
import { createTestContext, makeHall, type TestContext } from '../../testing.ts';
import { flushVisits, VISITS_PER_ADDRESS } from './events.ts';
import { issueFormToken, submitLead, type LeadSubmission } from './lead-form.ts';

let ctx: TestContext;
let productId: number;
const T0 = 1_800_000_000_000;
const later = T0 + 10_000;

beforeEach(async () => {
  ctx = await createTestContext();
  const { enterprise } = await makeHall(ctx.db, 'published', { slug: 'abuse-firm' });
  productId = (await ctx.db.insert(products).values({ enterpriseId: enterprise.id, name: '深沟球轴承' }).returning())[0]!.id;
});
afterEach(() => ctx.cleanup());

const inquiry = (fields: Record<string, string> = {}, over: Partial<LeadSubmission> = {}): LeadSubmission => ({
  kind: 'inquiry',
  itemId: productId,
  ip: '203.0.113.7',
  lang: 'zh',
  sourcePage: `/products/${productId}`,
  fields: { started: issueFormToken(ctx, T0), name: '王经理', phone: '13800000000', organisation: '临清某公司', message: '请报价', consent: 'on', ...fields },
  ...over,
});

describe('lead forms resist abuse (ASVS V2, PIPL)', () => {
  it("answer a re-posted duplicate with a generic thank-you, never the earlier sender's receipt", async () => {
    const first = await submitLead(ctx, inquiry(), later);
    expect(first.ok && first.receipt).toBeTruthy();
    // Someone else re-posts the same name, phone and message from another address.
    const replay = await submitLead(ctx, inquiry({}, { ip: '198.51.100.20' }), later + 1000);
    expect(replay).toEqual({ ok: true, receipt: null, duplicate: true });
    expect(await ctx.db.select().from(leads)).toHaveLength(1);
  });

  it('rate-limit before looking for duplicates, so a limited address learns nothing', async () => {
    await submitLead(ctx, inquiry(), later);
    for (let i = 0; i < 4; i++) await submitLead(ctx, inquiry({ message: `第 ${i} 次` }), later + i);
    const limited = await submitLead(ctx, inquiry(), later + 100);
    expect(limited).toMatchObject({ ok: false, status: 429 });
  });

  it("count the hall cap per /24 and /64 network: a few addresses cannot shut a firm's forms for everyone", async () => {
    for (let i = 0; i < 60; i++) await submitLead(ctx, inquiry({ message: `刷单 ${i}` }, { ip: `198.51.100.${i}` }), later + i);
    for (let i = 0; i < 60; i++) await submitLead(ctx, inquiry({ message: `v6 ${i}` }, { ip: `2001:db8:1:2::${i.toString(16)}` }), later + 100 + i);
    const visitor = await submitLead(ctx, inquiry({ message: '真实询价' }, { ip: '192.0.2.44' }), later + 500);
    expect(visitor).toMatchObject({ ok: true });
    const visitor6 = await submitLead(ctx, inquiry({ message: '真实询价 v6' }, { ip: '2001:db8:9:9::1' }), later + 600);
    expect(visitor6).toMatchObject({ ok: true });
  });

  it('accept a signed form token once', async () => {
    const started = issueFormToken(ctx, T0);
    const a = await submitLead(ctx, inquiry({ started, message: '第一次' }), later);
    const b = await submitLead(ctx, inquiry({ started, message: '换了内容再发一次' }, { ip: '192.0.2.80' }), later + 1000);
    expect(a.ok && a.receipt).toBeTruthy();
    expect(b).toEqual({ ok: true, receipt: null, duplicate: false });
    expect(await ctx.db.select().from(leads)).toHaveLength(1);
  });
});

describe('view-count beacons', () => {
  it('count a bounded number of views per address, hall and day, whatever the user agent', async () => {
    const api = createApi(ctx);
    for (let i = 0; i < 40; i++) {
      await api.request('/events', {
        method: 'POST',
        body: JSON.stringify({ hall: 'abuse-firm', events: [{ kind: 'hall_view' }] }),
        headers: { 'Content-Type': 'text/plain', 'User-Agent': `Bot/${i}` },
      });
    }
    await flushVisits(ctx);
    const [row] = await ctx.db.select().from(visitCounts);
    expect(row!.count).toBe(VISITS_PER_ADDRESS.hallViews);
  });
});
