/**
 * Part of `npm run bench:admin` — times a training certificate PDF (issue 11: ≤ 2 s): the first one in a process
 * (launching the shared Chromium, cold) and the following ones (warm, the browser reused), QR code included.
 * Prints a table; not a test. `--out file.pdf` also writes the last PDF to look at.
 */
import { writeFileSync } from 'node:fs';
import { certificatePdf } from '../api/admin/training/certificates.ts';
import type { CertificateFacts } from '../api/admin/training/certificate-html.ts';
import { closePdfBrowser } from '../api/lib/pdf.ts';

const WARM_RUNS = 10;
const outIndex = process.argv.indexOf('--out');

const facts: CertificateFacts = {
  personName: '陈晓明',
  maskedMobile: '138****5678',
  firmName: '聊城示例阿胶有限公司',
  track: 'digital_commissioner',
  eventTitle: '2025 年数字专员春季培训班',
  issuedOn: '2026-05-12',
  code: 'K7QXM2PD9HRT',
  verifyUrl: 'https://qianqi.example/verify/K7QXM2PD9HRT',
};

async function timed(): Promise<{ ms: number; bytes: Buffer }> {
  const started = performance.now();
  const bytes = await certificatePdf(facts);
  return { ms: performance.now() - started, bytes };
}

async function main(): Promise<void> {
  try {
    const cold = await timed();
    const warm: number[] = [];
    let last = cold.bytes;
    for (let i = 0; i < WARM_RUNS; i++) {
      const run = await timed();
      warm.push(run.ms);
      last = run.bytes;
    }
    warm.sort((a, b) => a - b);
    const p = (q: number) => warm[Math.min(warm.length - 1, Math.floor(q * warm.length))]!;
    console.log('\nCertificate PDF (A4, Chinese, QR) — target ≤ 2,000 ms');
    console.table([
      { case: 'cold (launches Chromium)', ms: Math.round(cold.ms), kB: Math.round(cold.bytes.length / 1024) },
      { case: `warm median of ${WARM_RUNS}`, ms: Math.round(p(0.5)), kB: Math.round(last.length / 1024) },
      { case: `warm max of ${WARM_RUNS}`, ms: Math.round(warm[warm.length - 1]!), kB: Math.round(last.length / 1024) },
    ]);
    if (outIndex > 0) writeFileSync(process.argv[outIndex + 1]!, last);
  } finally {
    await closePdfBrowser();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
