/** Test support: a real file database in a temp dir, and factories for domain rows. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { migrateDb, openDb, type DbLike } from './db/client.ts';
import { LiveHub } from './live/hub.ts';
import { createMailSender } from './mail/index.ts';
import { publicCache } from './public/queries/public-cache.ts';
import { PanoramaJobRunner } from './panorama-jobs/runner.ts';
import { enterprises, halls, users, type NewEnterprise, type Role } from './db/schema/index.ts';
import { hashPassword } from './auth/passwords.ts';
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
  const mediaDir = join(dataDir, 'media');
  const panoramaJobs = new PanoramaJobRunner(db, join(dataDir, 'uploads'), mediaDir);
  const live = new LiveHub();
  // As in the running server: saved changes drop cached public pages.
  live.subscribeAll(() => publicCache.clear());
  return {
    config,
    db,
    mediaDir,
    panoramaJobs,
    live,
    // Not started: a test sends the outbox with `ctx.mail.drain()` (file transport, <dataDir>/outbox-sent).
    mail: createMailSender(db, config),
    async cleanup() {
      await panoramaJobs.idle();
      await this.mail.stop();
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

/** A user with a password (default role: enterprise user of the given firm). */
export async function makeUser(
  db: DbLike,
  input: { enterpriseId?: number | null; role?: Role; password?: string; email?: string; demo?: boolean } = {},
) {
  serial += 1;
  const [user] = await db
    .insert(users)
    .values({
      email: input.email ?? `user${serial}@example.org`,
      displayName: `用户${serial}`,
      role: input.role ?? 'enterprise',
      enterpriseId: input.enterpriseId ?? null,
      passwordHash: await hashPassword(input.password ?? 'correct horse battery'),
      demo: input.demo ?? false,
    })
    .returning();
  return user!;
}

/** A browser-like client for in-process API tests: keeps the session cookie and sends the CSRF token. */
export function apiClient(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }) {
  let cookie = '';
  let csrf = '';
  return {
    async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const res = await app.request(path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(cookie ? { Cookie: cookie } : {}),
          ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const set = res.headers.get('Set-Cookie');
      if (set) cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
      const json = res.headers.get('Content-Type')?.includes('json') ? await res.clone().json() : null;
      if (json?.csrfToken) csrf = json.csrfToken;
      return { status: res.status, json, res };
    },
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
    get csrf() {
      return csrf;
    },
    set csrf(value: string) {
      csrf = value;
    },
  };
}
