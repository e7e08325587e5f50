import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { enterprises, hotspots, panoramas, scenes } from '../../api/db/schema/index.ts';
import { isValidCreditCode } from '../../api/domain/credit-code.ts';
import { createTestContext, type TestContext } from '../../api/testing.ts';
import { demoFirms } from '../../content/demo/firms.ts';
import { seedDemoIfEmpty } from './seed.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
  ctx.config.demoPanoramaWidth = 512;
});
afterEach(() => ctx.cleanup());

it('seeds an empty database once, with real pyramids, and never again over existing data', async () => {
  const firms = demoFirms.slice(0, 2);
  expect(await seedDemoIfEmpty(ctx, firms)).toBe(true);
  const rows = await ctx.db.select().from(enterprises);
  expect(rows.map((r) => r.name)).toEqual(firms.map((f) => f.name));
  expect(rows.every((r) => r.fictional && isValidCreditCode(r.creditCode))).toBe(true);
  const sceneRows = await ctx.db.select().from(scenes);
  expect(sceneRows).toHaveLength(firms[0]!.scenes.length + firms[1]!.scenes.length);
  expect(sceneRows.every((s) => s.panoramaId)).toBe(true);
  const [spotCount] = await ctx.db.select({ n: count() }).from(hotspots).where(eq(hotspots.kind, 'scene'));
  expect(spotCount!.n).toBeGreaterThan(0);

  expect(await seedDemoIfEmpty(ctx, firms)).toBe(false);
  const [after] = await ctx.db.select({ n: count() }).from(enterprises);
  expect(after!.n).toBe(2);
  const [pano] = await ctx.db.select({ n: count() }).from(panoramas);
  expect(pano!.n).toBe(sceneRows.length);
});

it('the demo data set covers at least 12 firms across counties and industries with 2–4 scenes each', () => {
  expect(demoFirms.length).toBeGreaterThanOrEqual(12);
  expect(new Set(demoFirms.map((f) => f.county)).size).toBeGreaterThanOrEqual(8);
  expect(new Set(demoFirms.map((f) => f.industry)).size).toBeGreaterThanOrEqual(10);
  expect(demoFirms.every((f) => f.scenes.length >= 2 && f.scenes.length <= 4)).toBe(true);
  expect(demoFirms.every((f) => f.products.length > 0 && f.jobs.length > 0 && f.projects.length > 0)).toBe(true);
  expect(new Set(demoFirms.map((f) => f.slug)).size).toBe(demoFirms.length);
});

it('gives every demo firm a demo account that signs in only in demo mode', async () => {
  const { createApi } = await import('../../api/app.ts');
  const { DEMO_PASSWORD, demoAccountEmail } = await import('./demo-rows.ts');
  await seedDemoIfEmpty(ctx, demoFirms.slice(0, 1));
  ctx.config.demo = true;
  const login = () =>
    createApi(ctx).request('/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: demoAccountEmail(demoFirms[0]!), password: DEMO_PASSWORD }),
    });
  expect((await login()).status).toBe(200);
  ctx.config.demo = false;
  expect((await login()).status).toBe(401);
});
