import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../api/db/client.ts';
import { leads } from '../api/db/schema/index.ts';
import { createTestContext, makeHall, type TestContext } from '../api/testing.ts';
import { backupDataDir, restoreDataDir, sha256File, type Manifest } from './lib/backup.ts';

let ctx: TestContext;
let work: string;
beforeEach(async () => {
  ctx = await createTestContext();
  work = mkdtempSync(join(tmpdir(), 'qianqi-backup-'));
});
afterEach(async () => {
  await ctx.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const lead = (enterpriseId: number, i: number) => ({
  enterpriseId,
  kind: 'inquiry' as const,
  contactName: `客户${i}`,
  phone: '13800000000',
  message: `询价 ${i}`,
  consentAt: new Date(),
  consentVersion: '2026-11-01',
  sourcePage: '/halls/x',
  lang: 'zh' as const,
  receiptToken: `r${i}`,
});

describe('backup and restore', () => {
  it('copies a database being written and its files, and restores them whole into an empty data dir', async () => {
    const { enterprise } = await makeHall(ctx.db);
    mkdirSync(join(ctx.mediaDir, 'panoramas', 'abc123'), { recursive: true });
    writeFileSync(join(ctx.mediaDir, 'panoramas', 'abc123', 'manifest.json'), '{"levels":[]}');
    mkdirSync(join(ctx.config.dataDir, 'private', 'cv'), { recursive: true });
    writeFileSync(join(ctx.config.dataDir, 'private', 'cv', 'x.pdf'), '%PDF-1.4 fictional');

    // A writer keeps saving leads while the backup runs, as a live server would.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await ctx.db.insert(leads).values(lead(enterprise.id, written++));
        await new Promise((r) => setImmediate(r));
      }
    })();
    const backupDir = join(work, 'backup');
    const { manifest } = await backupDataDir(ctx.config.dataDir, ctx.config.databaseUrl, backupDir);
    writing = false;
    await writer;

    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['platform.db', 'media/panoramas/abc123/manifest.json', 'private/cv/x.pdf']));
    for (const [rel, entry] of Object.entries(manifest.files)) expect(await sha256File(join(backupDir, rel))).toBe(entry.sha256);

    const restored = join(work, 'restored');
    await restoreDataDir(backupDir, restored);
    const db = await openDb(`file:${join(restored, 'platform.db')}`);
    const rows = await db.select().from(leads);
    db.$client.close();
    // A consistent snapshot: a prefix of the writes, in order, none half-written.
    expect(rows.map((r) => r.contactName)).toEqual(Array.from({ length: rows.length }, (_, i) => `客户${i}`));
    expect(readFileSync(join(restored, 'private', 'cv', 'x.pdf'), 'utf8')).toBe('%PDF-1.4 fictional');
    expect(readFileSync(join(restored, 'media', 'panoramas', 'abc123', 'manifest.json'), 'utf8')).toBe('{"levels":[]}');
  });

  it('refuses a non-empty data dir and a damaged backup, writing nothing', async () => {
    const backupDir = join(work, 'backup');
    await backupDataDir(ctx.config.dataDir, ctx.config.databaseUrl, backupDir);
    await expect(restoreDataDir(backupDir, ctx.config.dataDir)).rejects.toThrow(/not empty/);

    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.files['platform.db']).toBeDefined();
    writeFileSync(join(backupDir, 'platform.db'), 'not a database');
    const target = join(work, 'fresh');
    await expect(restoreDataDir(backupDir, target)).rejects.toThrow(/damaged: 1 file.*platform\.db/);
    expect(() => readFileSync(join(target, 'platform.db'))).toThrow();
  });
});
