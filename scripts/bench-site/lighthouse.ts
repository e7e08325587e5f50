import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Audits that cost points (weight > 0, score < 1), by category. */
  failing: string;
}

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Lighthouse (mobile defaults: 150 ms RTT, 1.6 Mbps, 4× CPU) on one URL. Lighthouse 12.2 runs on Node 20, so it is
 * spawned with the system node (DESIGN.md), against the system Chromium.
 */
export function lighthouse(url: string): LighthouseScores {
  const node = process.env.LIGHTHOUSE_NODE ?? (existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath);
  const cli = join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const flags = '--headless=new --no-sandbox --use-angle=swiftshader --enable-unsafe-swiftshader --disable-background-networking --disable-component-update --disable-sync --no-first-run';
  const run = spawnSync(
    node,
    [cli, url, '--output=json', '--output-path=stdout', '--quiet', `--chrome-flags=${flags}`, '--only-categories=performance,accessibility,best-practices,seo'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`lighthouse failed on ${url}: ${run.stderr.slice(-2000)}`);
  const lhr = JSON.parse(run.stdout) as {
    categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
    audits: Record<string, { numericValue?: number; score: number | null }>;
  };
  const score = (k: string) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
    cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
    failing: Object.entries(lhr.categories)
      .flatMap(([cat, c]) =>
        c.auditRefs
          .filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1 && cat !== 'performance')
          .map((r) => `${cat}:${r.id}`),
      )
      .join(' '),
  };
}
