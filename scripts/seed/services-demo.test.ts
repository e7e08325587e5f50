import { count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { serviceRequests, serviceVisits } from '../../api/db/schema/index.ts';
import { REQUEST_STATES } from '../../api/domain/requests.ts';
import { createTestContext, type TestContext } from '../../api/testing.ts';
import { insertDemoRegister } from './register-insert.ts';
import { insertDemoServicePool } from './service-pool-insert.ts';
import { insertDemoServices } from './services-demo.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

it('seeds ~1,500 requests in every state, some overdue and some reopened, with visits only where asked or agreed', async () => {
  await ctx.db.transaction((tx) => insertDemoRegister(tx, 150, '2026-11-30', 'x'));
  await ctx.db.transaction((tx) => insertDemoServicePool(tx));
  const added = await ctx.db.transaction((tx) => insertDemoServices(tx, '2026-11-30'));
  expect(added.requests).toBe(1500);
  const states = await ctx.db.select({ state: serviceRequests.state, n: count() }).from(serviceRequests).groupBy(serviceRequests.state);
  expect(new Set(states.map((s) => s.state))).toEqual(new Set(REQUEST_STATES));
  const [overdue] = await ctx.db.select({ n: count() }).from(serviceRequests).where(sql`${serviceRequests.dueAt} < '2026-11-30' and ${serviceRequests.state} in ('new','assigned','contacted','in_service')`);
  expect(overdue!.n).toBeGreaterThan(10);
  const [reopened] = await ctx.db.select({ n: count() }).from(serviceRequests).where(sql`${serviceRequests.reopenCount} > 0`);
  expect(reopened!.n).toBeGreaterThan(50);
  const [byConsent] = await ctx.db.select({ n: count() }).from(serviceVisits).where(eq(serviceVisits.basis, 'consent'));
  expect(byConsent!.n).toBeGreaterThan(0);
  expect(added.visits).toBeGreaterThan(500);
});
