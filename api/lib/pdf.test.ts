import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { closePdfBrowser, htmlToPdf } from './pdf.ts';

afterAll(() => closePdfBrowser());

it('renders Chinese HTML to a PDF with one shared browser', async () => {
  const first = await htmlToPdf('<!doctype html><meta charset="utf-8"><p>结业证书</p>');
  const second = await htmlToPdf('<!doctype html><meta charset="utf-8"><p>第二份</p>', { format: 'A5', landscape: true });
  expect(first.subarray(0, 5).toString()).toBe('%PDF-');
  expect(second.subarray(0, 5).toString()).toBe('%PDF-');
}, 60_000);

it('lets a process that printed a PDF still stop on SIGTERM (the server must shut down)', async () => {
  const script = `import { htmlToPdf } from ${JSON.stringify(new URL('./pdf.ts', import.meta.url).href)};
await htmlToPdf('<p>x</p>');
setInterval(() => {}, 1000); // a server keeps its event loop busy
console.log('ready');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`exited early: ${code}`)));
  });
  const exit = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  try {
    child.kill('SIGTERM');
    expect(await exit).toBe('SIGTERM');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}, 60_000);
