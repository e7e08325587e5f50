/**
 * `npm run backup` while edits are being saved, `npm run restore` into a fresh data dir, and `npm start` on it
 * (issue 15): every hall, lead and pyramid of the backup is served by the restored platform; checksums match.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../../api/db/client.ts';
import { enterprises, halls, leads, panoramas } from '../../api/db/schema/index.ts';
import { sha256File, type Manifest } from '../../scripts/lib/backup.ts';
import { freePort, waitUntilUp } from '../../scripts/lib/port.ts';
import { SERVER_NODE_ARGS } from '../../scripts/lib/server-args.ts';
import { signInAsFirm } from './firm-api.ts';

const baseA = inject('baseURL');
const dataDir = inject('dataDir');
const work = mkdtempSync(join(tmpdir(), 'qianqi-e2e-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const node = (args: string[], env: Record<string, string>) => spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });

/** What a platform's database holds of what a backup must keep: published halls, leads, pyramids. */
async function contents(dbFile: string) {
  const db = await openDb(`file:${dbFile}`);
  try {
    const slugs = (await db.select({ slug: enterprises.slug }).from(halls).innerJoin(enterprises, eq(enterprises.id, halls.enterpriseId)).where(eq(halls.status, 'published'))).map((r) => r.slug).sort();
    const leadReceipts = (await db.select({ r: leads.receiptToken }).from(leads)).map((r) => r.r).sort();
    const pyramids = (await db.select({ id: panoramas.id }).from(panoramas)).map((r) => r.id).sort();
    return { slugs, leadReceipts, pyramids };
  } finally {
    db.$client.close();
  }
}

describe('backup and restore', () => {
  it('copies a platform being edited, and a fresh data dir restored from it serves every hall, lead and pyramid', { timeout: 240_000 }, async () => {
    // A lead, through the public form as a visitor sends it (the form wants ≥ 3 s to fill).
    const products = [...(await (await fetch(`${baseA}/products`)).text()).matchAll(/href="\/products\/(\d+)"/g)].map((m) => m[1]);
    const html = await (await fetch(`${baseA}/products/${products[0]}`)).text();
    const started = /name="started" value="([^"]+)"/.exec(html)![1]!;
    await new Promise((r) => setTimeout(r, 3_200));
    const lead = await fetch(`${baseA}/products/${products[0]}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseA },
      body: new URLSearchParams({ started, website: '', name: '备份测试', phone: '13900000000', organisation: '', message: '备份前的询价', consent: 'on' }),
    });
    expect(lead.status).toBeLessThan(400);

    // Edits keep being saved while the backup runs.
    // A firm no other browser test touches: its hall gains many hotspots here (the viewer test uses guanzhou-textile,
    // the password-reset test shenhe-vegetables).
    const firm = await signInAsFirm(baseA, 'huayao-biopharm');
    const hall = (await (await firm.call('GET', '/hall')).json()) as { scenes: { id: number }[] };
    let editing = true;
    let saved = 0;
    const editor = (async () => {
      while (editing) {
        const res = await firm.call('POST', `/hall/scenes/${hall.scenes[0]!.id}/hotspots`, { kind: 'info', yaw: saved % 180, pitch: 0, label: `备份中 ${saved}`, body: '—' });
        if (res.status === 201) saved += 1;
      }
    })();
    const backupDir = join(work, 'backup');
    const backup = await new Promise<{ code: number | null; out: string }>((resolve) => {
      let out = '';
      const child = spawn(process.execPath, ['scripts/backup.ts', backupDir], { env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => resolve({ code, out }));
    });
    editing = false;
    await editor;
    expect(backup.code, backup.out).toBe(0);
    expect(saved).toBeGreaterThan(0);

    const restoredDir = join(work, 'restored');
    const restore = node(['scripts/restore.ts', backupDir], { DATA_DIR: restoredDir });
    expect(restore.status, restore.stderr).toBe(0);
    // Every restored file has the checksum the backup recorded.
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as Manifest;
    for (const [rel, entry] of Object.entries(manifest.files)) expect(await sha256File(join(restoredDir, rel)), rel).toBe(entry.sha256);

    const expected = await contents(join(backupDir, 'platform.db'));
    expect(expected.leadReceipts.length).toBeGreaterThan(0);
    expect(expected.pyramids.length).toBeGreaterThan(0);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let out = '';
    const server = spawn(process.execPath, [...SERVER_NODE_ARGS, 'scripts/start.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: restoredDir, DEMO: '1', DEMO_PANORAMA_WIDTH: '1024' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => (out += d));
    server.stderr!.on('data', (d) => (out += d));
    try {
      await waitUntilUp(`${base}/api/health`, server, () => out, 150_000);
      expect(out).not.toMatch(/Seeding/); // served as restored, not re-seeded
      for (const slug of expected.slugs) expect((await fetch(`${base}/halls/${slug}`)).status, slug).toBe(200);
      for (const id of expected.pyramids) expect((await fetch(`${base}/media/panoramas/${id}/manifest.json`)).status, id).toBe(200);
      const restored = await contents(join(restoredDir, 'platform.db'));
      expect(restored).toEqual(expected);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  });
});
