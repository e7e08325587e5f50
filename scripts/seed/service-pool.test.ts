import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { firmScope } from '../../api/admin/scope.ts';
import { enterprises, experts, serviceTeamFirms, serviceTeamMembers, serviceTeams, users } from '../../api/db/schema/index.ts';
import { createTestContext, type TestContext } from '../../api/testing.ts';
import { insertDemoRegister } from './register-insert.ts';
import { DEMO_EXPERT_EMAIL, insertDemoServicePool } from './service-pool-insert.ts';
import { generateServicePool } from './service-pool-demo.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

it('generates the same fictional pool every time: 40 providers, 12 experts per team plus some outside teams', () => {
  const a = generateServicePool();
  expect(generateServicePool()).toEqual(a);
  expect(a.providers).toHaveLength(40);
  expect(new Set(a.providers.map((p) => p.name)).size).toBe(40);
  expect(a.providers.every((p) => p.name.endsWith('（演示）'))).toBe(true);
  for (let team = 1; team <= 10; team++) {
    const members = a.experts.filter((e) => e.team?.number === team);
    expect(members).toHaveLength(12);
    expect(members.filter((e) => e.team!.role === 'lead')).toHaveLength(1);
  }
  expect(new Set(a.experts.filter((e) => !e.team).map((e) => e.status))).toEqual(new Set(['active', 'pending', 'suspended', 'retired']));
});

it('assigns every firm to the team of its area, and the demo expert sees exactly its team’s firms', async () => {
  await ctx.db.transaction((tx) => insertDemoRegister(tx, 120, '2026-11-30', 'x'));
  const pool = await ctx.db.transaction((tx) => insertDemoServicePool(tx));
  const [firms] = await ctx.db.select({ n: count() }).from(enterprises);
  expect(pool).toMatchObject({ providers: 40, teams: 10, firms: firms!.n });
  const [teams] = await ctx.db.select({ n: count() }).from(serviceTeams);
  expect(teams!.n).toBe(10);
  const [liaisons] = await ctx.db.select({ n: count() }).from(serviceTeamMembers).where(eq(serviceTeamMembers.role, 'liaison'));
  expect(liaisons!.n).toBe(10);

  const [account] = await ctx.db.select().from(users).where(eq(users.email, DEMO_EXPERT_EMAIL));
  const [linked] = await ctx.db.select().from(experts).where(eq(experts.userId, account!.id));
  expect(linked!.status).toBe('active');
  const seen = await ctx.db.select({ id: enterprises.id, county: enterprises.county }).from(enterprises).where(firmScope(account!));
  const linqing = await ctx.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.county, 'linqing'));
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.map((f) => f.id).sort()).toEqual(linqing.map((f) => f.id).sort());
  const [assigned] = await ctx.db.select({ n: count() }).from(serviceTeamFirms);
  expect(assigned!.n).toBe(firms!.n);
});
