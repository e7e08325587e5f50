import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dir = mkdtempSync(join(tmpdir(), 'qianqi-config-'));
afterEach(() => rmSync(join(dir, 'x'), { recursive: true, force: true }));

describe('loadConfig', () => {
  it('defaults to port 4321 and a file database inside the data dir', () => {
    const c = loadConfig({ DATA_DIR: join(dir, 'x') });
    expect(c.port).toBe(4321);
    expect(c.databaseUrl).toBe(`file:${join(dir, 'x', 'platform.db')}`);
    expect(c.demo).toBe(true);
  });

  it('runs one app process unless WORKERS says how many, or auto for one per core', () => {
    expect(loadConfig({ DATA_DIR: join(dir, 'x') }).workers).toBe(1);
    expect(loadConfig({ DATA_DIR: join(dir, 'x'), WORKERS: '2' }).workers).toBe(2);
    expect(loadConfig({ DATA_DIR: join(dir, 'x'), WORKERS: 'auto' }).workers).toBe(availableParallelism());
    expect(() => loadConfig({ DATA_DIR: join(dir, 'x'), WORKERS: '0' })).toThrow(/WORKERS must be a whole number/);
  });

  it('points the same code at a libSQL server through DATABASE_URL', () => {
    const c = loadConfig({ DATA_DIR: join(dir, 'x'), DATABASE_URL: 'libsql://halls.example.org', DATABASE_AUTH_TOKEN: 't' });
    expect(c.databaseUrl).toBe('libsql://halls.example.org');
    expect(c.databaseAuthToken).toBe('t');
  });

  it.each([
    [{ PORT: 'abc' }, /PORT="abc": PORT must be a number/],
    [{ PORT: '70000' }, /PORT must be between 1 and 65535/],
    [{ DATABASE_URL: 'postgres://x' }, /DATABASE_URL must start with libsql:/],
    [{ DATABASE_URL: 'libsql://' }, /DATABASE_URL is not a valid URL/],
    [{ DEMO: 'maybe' }, /DEMO="maybe"/],
  ])('rejects %o with one clear line', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: join(dir, 'x'), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: join(dir, 'x'), ...env })).toThrow(message);
  });

  it('in production needs an https PUBLIC_URL, and reads the proxies to trust', () => {
    expect(() => loadConfig({ DATA_DIR: join(dir, 'x'), NODE_ENV: 'production' })).toThrow(/PUBLIC_URL must be the https:\/\/ origin/);
    expect(() => loadConfig({ DATA_DIR: join(dir, 'x'), NODE_ENV: 'production', PUBLIC_URL: 'http://halls.example.org' })).toThrow(ConfigError);
    const c = loadConfig({ DATA_DIR: join(dir, 'x'), NODE_ENV: 'production', PUBLIC_URL: 'https://halls.example.org/', TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' });
    expect(c.publicUrl).toBe('https://halls.example.org');
    expect(c.trustProxy).toEqual(['loopback', '10.0.0.0/8', '::1']);
    expect(() => loadConfig({ DATA_DIR: join(dir, 'x'), TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY must list/);
  });

  it('rejects a data dir that cannot be created', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expect(() => loadConfig({ DATA_DIR: join(file, 'data') })).toThrow(/DATA_DIR=.* cannot be created or is not writable/);
  });
});
