/**
 * Part of `npm run bench:admin` — times the pre-evaluation engine: 10,000 synthetic firms (three fiscal years each,
 * deterministic) × every rule set, as the bureau's bulk run will do. Prints a table; not a test. Building the inputs is
 * outside the timing (the caller reads them from the database). `--firms N` changes the count.
 */
import { evaluateAll, RULESET_IDS, type PreEvaluationInput, type Verdict } from '../api/admin/register/pre-evaluation/index.ts';
import { yearFacts } from '../api/admin/register/pre-evaluation/factories.ts';
import { PRODUCT_FIELDS, RD_CENTRE_LEVELS } from '../api/domain/program.ts';

const argIndex = process.argv.indexOf('--firms');
const FIRMS = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 10_000;
const YEAR = 2025;

/** mulberry32: a small deterministic PRNG, so every run evaluates the same firms. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A firm of plausible figures, some of them missing (≈ 5 % of values), so every verdict occurs. */
export function syntheticFirm(rand: () => number): PreEvaluationInput {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const maybe = <T>(v: T): T | null => (rand() < 0.05 ? null : v);
  let revenue = 500 + rand() * 30_000;
  const years = [];
  for (let y = YEAR - 2; y <= YEAR; y++) {
    revenue *= 0.9 + rand() * 0.4;
    const assets = revenue * (0.6 + rand());
    const employees = 20 + Math.floor(rand() * 500);
    const ip1 = Math.floor(rand() * 6);
    years.push(
      yearFacts(y, {
        revenue: maybe(Math.round(revenue)),
        mainRevenue: maybe(Math.round(revenue * (0.5 + rand() * 0.5))),
        rdSpend: maybe(Math.round(revenue * rand() * 0.08)),
        rdStaff: maybe(Math.floor(employees * rand() * 0.3)),
        employees: maybe(employees),
        totalAssets: maybe(Math.round(assets)),
        totalLiabilities: maybe(Math.round(assets * (0.2 + rand() * 0.7))),
        netProfit: maybe(Math.round(revenue * (rand() * 0.16 - 0.03))),
        ipClass1: maybe(ip1),
        ipClass1Own: ip1 > 0 ? Math.floor(rand() * ip1) : 0,
        ipClass1HighValue: rand() < 0.2 ? 1 : 0,
        ipClass2: maybe(Math.floor(rand() * 15)),
        inventionPatents: maybe(Math.floor(rand() * 5)),
        digitalLevel: maybe(1 + Math.floor(rand() * 4)),
        qualityCertifications: maybe(Math.floor(rand() * 3)),
        qualityAward: maybe(rand() < 0.1),
        ownBrand: maybe(rand() < 0.6),
        standardsDrafted: maybe(Math.floor(rand() * 3)),
        standardsLed: maybe(rand() < 0.1 ? 1 : 0),
        rdCentreLevel: rand() < 0.5 ? null : pick(RD_CENTRE_LEVELS),
        yearsInNiche: maybe(1 + Math.floor(rand() * 15) - (YEAR - y)),
        equityFinancing: maybe(rand() < 0.1 ? Math.round(rand() * 3000) : 0),
        officialScore: rand() < 0.3 ? Math.round(40 + rand() * 50) : null,
        officialScoreRule: 'miit-2026',
      }),
    );
  }
  return {
    firm: { foundedYear: maybe(1995 + Math.floor(rand() * 30)), productField: maybe(pick(PRODUCT_FIELDS)), listed: rand() < 0.03, highTech: rand() < 0.3, industry: 'bearings', sizeClass: 'small' },
    years: years.reverse(),
    titles: rand() < 0.4 ? [{ tier: rand() < 0.5 ? 'innovative' : 'srdi', level: 'provincial', status: 'designated', validTo: '2027-12-31' }] : [],
    year: YEAR,
    today: '2026-06-30',
  };
}

function main(): void {
  const rand = prng(20_260_401);
  const inputs = Array.from({ length: FIRMS }, () => syntheticFirm(rand));
  const verdicts = new Map<string, Record<Verdict, number>>(RULESET_IDS.map((id) => [id, { likely: 0, unlikely: 0, insufficient_data: 0 }]));
  const rows: string[][] = [];
  for (const pass of ['first (cold)', 'second (warm)']) {
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    let evaluations = 0;
    for (const input of inputs) {
      for (const r of evaluateAll(input)) {
        evaluations++;
        if (pass.startsWith('first')) verdicts.get(r.ruleset)![r.verdict]++;
      }
    }
    const ms = performance.now() - t0;
    rows.push([pass, String(FIRMS), String(evaluations), `${ms.toFixed(0)} ms`, `${((ms * 1000) / evaluations).toFixed(1)} µs`, `${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(0)} MB`]);
  }
  console.log(`Pre-evaluation of ${FIRMS} synthetic firms × ${RULESET_IDS.length} rule sets (budget: 10,000 firms ≤ 5 s)\n`);
  console.table(rows.map(([pass, firms, evaluations, total, per, heap]) => ({ pass, firms, evaluations, total, 'per evaluation': per, 'heap growth': heap })));
  console.log('\nVerdicts (first pass):');
  console.table(Object.fromEntries(verdicts));
}

main();
