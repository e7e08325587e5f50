import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { panoramaJobs } from '../db/schema/index.ts';
import { protectDataDir } from '../lib/private-files.ts';
import { createTestContext, makeEnterprise, type TestContext } from '../testing.ts';
import { SOURCE_RETENTION_MS, sweepPanoramaSources } from './retention.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

const NOW = Date.now();
const hash = (c: string) => c.repeat(64);

describe('panorama source retention', () => {
  it('deletes sources no job needs and keeps those a job still needs', async () => {
    const firm = await makeEnterprise(ctx.db);
    const dir = ctx.panoramaJobs.uploadsDir;
    mkdirSync(dir, { recursive: true });
    const job = (sourceHash: string, status: 'queued' | 'processing' | 'done' | 'failed', ageMs: number) =>
      ctx.db.insert(panoramaJobs).values({ enterpriseId: firm.id, sourceHash, sourceBytes: 1, status, updatedAt: new Date(NOW - ageMs) });
    await job(hash('a'), 'queued', 30 * 86_400_000);
    await job(hash('b'), 'processing', 0);
    await job(hash('c'), 'done', 86_400_000);
    await job(hash('d'), 'done', SOURCE_RETENTION_MS + 1);
    await job(hash('e'), 'failed', 0);
    for (const c of 'abcde89') writeFileSync(join(dir, hash(c)), 'photo');
    // 8: an orphan just received (its job row may be being written); 9: an orphan from long ago.
    utimesSync(join(dir, hash('9')), new Date(NOW - 2 * 86_400_000), new Date(NOW - 2 * 86_400_000));
    mkdirSync(join(dir, 'images'));

    const deleted = await sweepPanoramaSources(ctx.db, dir, { now: NOW });
    expect(deleted.sort()).toEqual([hash('9'), hash('d'), hash('e')]);
    expect(readdirSync(dir).sort()).toEqual([hash('8'), hash('a'), hash('b'), hash('c'), 'images']);
  });
});

describe('files with personal data', () => {
  it('are readable by the service user only, old ones tightened and new ones created so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qianqi-private-'));
    writeFileSync(join(dataDir, 'platform.db'), '', { mode: 0o644 });
    mkdirSync(join(dataDir, 'uploads', 'images'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dataDir, 'uploads', 'images', 'photo'), 'x', { mode: 0o644 });
    await protectDataDir(dataDir);
    const mode = (p: string) => statSync(join(dataDir, p)).mode & 0o777;
    expect([mode('.'), mode('platform.db'), mode('uploads'), mode('uploads/images'), mode('uploads/images/photo')]).toEqual([0o700, 0o600, 0o700, 0o700, 0o600]);
    writeFileSync(join(dataDir, 'uploads', 'later'), 'x');
    expect(mode('uploads/later')).toBe(0o600);
    expect(existsSync(dataDir)).toBe(true);
  });
});
