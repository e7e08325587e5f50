import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_V8_FLAGS } from './lib/server-args.ts';

const dir = mkdtempSync(join(tmpdir(), 'qianqi-start-'));
const start = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['scripts/start.ts'], { env: { ...process.env, DATA_DIR: join(dir, 'data'), ...env }, encoding: 'utf8', timeout: 20_000 });

describe('npm start with bad configuration', () => {
  it.each([
    [{ PORT: 'http' }, /PORT="http": PORT must be a number/],
    [{ DATABASE_URL: 'mysql://db/halls' }, /DATABASE_URL must start with libsql:/],
    [{ DATA_DIR: '/etc/hostname/data' }, /DATA_DIR=\/etc\/hostname\/data cannot be created or is not writable/],
  ])('%o fails fast with one clear line and exit code 1', (env, message) => {
    const result = start(env);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('refuses a data dir that is a file', () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, '');
    const result = start({ DATA_DIR: file });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot be created or is not writable/);
  });
});

describe('npm start', () => {
  it('runs Node with the server arguments the benchmarks and browser tests start their servers with', () => {
    const script: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start;
    expect(script).toBe(`node ${SERVER_V8_FLAGS.join(' ')} --import ./scripts/lib/resolve-hooks.ts scripts/start.ts`);
  });
});
