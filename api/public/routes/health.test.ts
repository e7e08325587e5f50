import { afterEach, beforeEach, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createApi } from '../../app.ts';
import { createTestContext, type TestContext } from '../../testing.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

it('reports ok when the database answers', async () => {
  const res = await createApi(ctx).request('/health');
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok', db: { ok: true } });
});

it('runs the file database in WAL mode with foreign keys enforced', async () => {
  expect(await ctx.db.all(sql`PRAGMA journal_mode`)).toEqual([{ journal_mode: 'wal' }]);
  expect(await ctx.db.all(sql`PRAGMA foreign_keys`)).toEqual([{ foreign_keys: 1 }]);
  await expect(ctx.db.run(sql`insert into halls (enterprise_id, status, tagline, created_at, updated_at) values (999, 'draft', '', 0, 0)`)).rejects.toMatchObject({
    cause: { message: expect.stringMatching(/FOREIGN KEY/) },
  });
});
