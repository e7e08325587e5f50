/**
 * Starts the real server (`npm start`'s script) on a free port with a fresh data dir and a quickly
 * generated demo data set, for every browser test; stops it afterwards.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, waitUntilUp } from '../../scripts/lib/port.ts';
import { chromiumPath } from './browser.ts';
import { SERVER_NODE_ARGS } from '../../scripts/lib/server-args.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  chromiumPath(); // fail before starting anything when the browser is missing
  const dataDir = mkdtempSync(join(tmpdir(), 'qianqi-e2e-'));
  const port = await freePort();
  let output = '';
  const server = spawn(process.execPath, [...SERVER_NODE_ARGS, 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', DEMO_PANORAMA_WIDTH: '1024', DEMO_COHORT_HALLS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server's own log goes to a file too (E2E_SERVER_LOG, default <tmp>/qianqi-e2e-server.log): when a browser test
  // fails on a 5xx, that is where the reason is.
  const logFile = process.env.E2E_SERVER_LOG ?? join(tmpdir(), 'qianqi-e2e-server.log');
  rmSync(logFile, { force: true });
  const keep = (d: Buffer) => {
    output += d;
    appendFileSync(logFile, d);
  };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  const baseURL = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${baseURL}/api/health`, server, () => output, 170_000);
  project.provide('baseURL', baseURL);
  project.provide('dataDir', dataDir);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
