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
import { generate } from 'otplib';
import { withCheckChar } from './domain/credit-code.ts';
import type { County } from './domain/program.ts';

export interface TestContext extends AppContext {
  cleanup(): Promise<void>;
}

/** A migrated database file in a fresh temp data dir; call cleanup() after the test. */
export async function createTestContext(): Promise<TestContext> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qianqi-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: '0', DEMO_REGISTER_FIRMS: '0' });
  const db = await openDb(config.databaseUrl);
  await migrateDb(db);
  const mediaDir = join(dataDir, 'media');
  const panoramaJobs = new PanoramaJobRunner(db, join(dataDir, 'uploads'), mediaDir);
  const live = new LiveHub();
  const mail = createMailSender(db, config);
  // As in the running server: saved changes drop cached public pages.
  live.subscribeAll((change) => publicCache.forget(change));
  return {
    config,
    db,
    mediaDir,
    panoramaJobs,
    live,
    // Not started: a test sends the outbox with `ctx.mail.drain()` (file transport, <dataDir>/outbox-sent).
    mail,
    async cleanup() {
      await panoramaJobs.idle();
      await mail.stop();
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
  input: { enterpriseId?: number | null; role?: Role; county?: County | null; password?: string; email?: string; demo?: boolean; totp?: boolean } = {},
) {
  serial += 1;
  const [user] = await db
    .insert(users)
    .values({
      email: input.email ?? `user${serial}@example.org`,
      displayName: `用户${serial}`,
      role: input.role ?? 'enterprise',
      enterpriseId: input.enterpriseId ?? null,
      county: input.county ?? null,
      // Staff accounts need a second factor: `totp: true` gives one with a known secret (see TEST_TOTP_SECRET).
      ...(input.totp ? { totpSecret: TEST_TOTP_SECRET, totpEnabledAt: new Date() } : {}),
      passwordHash: await hashPassword(input.password ?? 'correct horse battery'),
      demo: input.demo ?? false,
    })
    .returning();
  return user!;
}

/** The TOTP secret of test staff accounts (base32), so tests can answer the second sign-in step. */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/**
 * Signs a test client in with e-mail and password, answering the TOTP step with a code from TEST_TOTP_SECRET when
 * the account has a second factor (staff). Returns the final response of the sign-in.
 */
export async function signInWithSecondFactor(client: ReturnType<typeof apiClient>, email: string, password = 'correct horse battery') {
  const first = await client.call('POST', '/auth/login', { email, password });
  if (first.status !== 200 || !first.json?.mfaRequired) return first;
  return client.call('POST', '/auth/login/totp', { code: await generate({ secret: TEST_TOTP_SECRET }) });
}

/** A browser-like client for in-process API tests: keeps its cookies (session, known device) and sends the CSRF token. */
export function apiClient(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }) {
  const jar = new Map<string, string>();
  let csrf = '';
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const cookie = cookieHeader();
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
      for (const set of res.headers.getSetCookie()) {
        const [pair] = set.split(';');
        const at = pair!.indexOf('=');
        const name = pair!.slice(0, at);
        const value = pair!.slice(at + 1);
        if (value && !/Max-Age=0/i.test(set)) jar.set(name, value);
        else jar.delete(name);
      }
      const json = res.headers.get('Content-Type')?.includes('json') ? await res.clone().json() : null;
      if (json?.csrfToken) csrf = json.csrfToken;
      return { status: res.status, json, res };
    },
    /** Posts one file as multipart/form-data (field `file` unless told), with the client's cookies and CSRF token. */
    async upload(path: string, bytes: Uint8Array, fileName: string, fields: Record<string, string> = {}, field = 'file') {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append(field, new Blob([new Uint8Array(bytes)]), fileName);
      const cookie = cookieHeader();
      const res = await app.request(path, { method: 'POST', body: form, headers: { ...(cookie ? { Cookie: cookie } : {}), ...(csrf ? { 'X-CSRF-Token': csrf } : {}) } });
      const json = res.headers.get('Content-Type')?.includes('json') ? await res.clone().json() : null;
      return { status: res.status, json, res };
    },
    /** The session cookie (`name=value`), or '' when signed out. */
    get cookie() {
      const entry = [...jar].find(([k]) => k.endsWith('qq_session'));
      return entry ? `${entry[0]}=${entry[1]}` : '';
    },
    set cookie(value: string) {
      for (const k of [...jar.keys()]) if (k.endsWith('qq_session')) jar.delete(k);
      const at = value.indexOf('=');
      if (at > 0) jar.set(value.slice(0, at), value.slice(at + 1));
    },
    /** Every cookie this client holds (e.g. to copy a known-device cookie). */
    jar,
    get csrf() {
      return csrf;
    },
    set csrf(value: string) {
      csrf = value;
    },
  };
}
