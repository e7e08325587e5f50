import { count, isNotNull, isNull } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { trackProgress } from '../../api/admin/training/progress.ts';
import { serviceOutcomes, trainees, trainingAttendances, trainingEvents } from '../../api/db/schema/index.ts';
import { TRAINING_TRACKS } from '../../api/domain/training.ts';
import { createTestContext, type TestContext } from '../../api/testing.ts';
import { insertDemoOutcomes } from './outcomes-demo.ts';
import { insertDemoRegister } from './register-insert.ts';
import { insertDemoServicePool } from './service-pool-insert.ts';
import { generateTraining, insertDemoTraining } from './training-demo.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

it('generates the same 60 events with ~2,000 attendances of fewer people, in every track', () => {
  const a = generateTraining(300, 40);
  expect(generateTraining(300, 40)).toEqual(a);
  expect(a.events).toHaveLength(60);
  expect(new Set(a.events.map((e) => e.track))).toEqual(new Set(TRAINING_TRACKS));
  const seats = a.events.reduce((n, e) => n + e.attendees.length, 0);
  expect(seats).toBeGreaterThan(1800);
  expect(seats).toBeLessThan(2300);
  const people = new Set(a.events.flatMap((e) => e.attendees.map((x) => x.person)));
  expect(people.size).toBeLessThan(seats);
});

it('inserts the demo training and outcomes over the register; each person counts once per track', async () => {
  await ctx.db.transaction((tx) => insertDemoRegister(tx, 120, '2026-11-30', 'x'));
  await ctx.db.transaction((tx) => insertDemoServicePool(tx));
  const training = await ctx.db.transaction((tx) => insertDemoTraining(tx));
  expect(training.events).toBe(60);
  const [events] = await ctx.db.select({ n: count() }).from(trainingEvents);
  const [seats] = await ctx.db.select({ n: count() }).from(trainingAttendances);
  const [people] = await ctx.db.select({ n: count() }).from(trainees);
  expect(events!.n).toBe(60);
  expect(seats!.n).toBe(training.attendances);
  const progress = await trackProgress(ctx.db, { id: 0, role: 'bureau', county: null, enterpriseId: null });
  const completers = progress.reduce((n, t) => n + t.completers, 0);
  expect(completers).toBeLessThan(seats!.n);
  expect(progress.every((t) => t.completers <= people!.n)).toBe(true);

  const outcomes = await ctx.db.transaction((tx) => insertDemoOutcomes(tx));
  expect(outcomes.outcomes).toBe(400);
  const [verified] = await ctx.db.select({ n: count() }).from(serviceOutcomes).where(isNotNull(serviceOutcomes.verifiedAt));
  const [unverified] = await ctx.db.select({ n: count() }).from(serviceOutcomes).where(isNull(serviceOutcomes.verifiedAt));
  expect(verified!.n).toBeGreaterThan(0);
  expect(unverified!.n).toBeGreaterThan(0);
});
