/** Test support: a real file database in a temp dir, and factories for domain rows. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { migrateDb, openDb, type DbLike } from './db/client.ts';
import { enterprises, halls, type NewEnterprise } from './db/schema/index.ts';
import { withCheckChar } from './domain/credit-code.ts';

export interface TestContext extends AppContext {
  cleanup(): Promise<void>;
}

/** A migrated database file in a fresh temp data dir; call cleanup() after the test. */
export async function createTestContext(): Promise<TestContext> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qianqi-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: '0' });
  const db = await openDb(config.databaseUrl);
  await migrateDb(db);
  return {
    config,
    db,
    mediaDir: join(dataDir, 'media'),
    async cleanup() {
      db.$client.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let serial = 0;

/** An enterprise with valid defaults; pass only what the test is about. */
export async function makeEnterprise(db: DbLike, overrides: Partial<NewEnterprise> = {}) {
  serial += 1;
  const [row] = await db
    .insert(enterprises)
    .values({
      creditCode: withCheckChar(`91371500MA${String(1000000 + serial).slice(-7)}`),
      name: `测试企业${serial}有限公司`,
      slug: `test-firm-${serial}`,
      county: 'dongchangfu',
      industry: 'bearings',
      sizeClass: 'small',
      ...overrides,
    })
    .returning();
  return row!;
}

/** An enterprise with a hall in the given status (published by default). */
export async function makeHall(db: DbLike, status: 'draft' | 'published' = 'published', firm: Partial<NewEnterprise> = {}) {
  const enterprise = await makeEnterprise(db, firm);
  const [hall] = await db.insert(halls).values({ enterpriseId: enterprise.id, status, tagline: '测试展馆' }).returning();
  return { enterprise, hall: hall! };
}
