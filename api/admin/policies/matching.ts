import { and, sql, type SQL } from 'drizzle-orm';
import { POLICIES } from '../../../content/policies/eligibility.ts';
import type { DbLike } from '../../db/client.ts';
import { enterpriseYears, enterprises, policyApplications, tierRecognitions } from '../../db/schema/index.ts';
import type { County } from '../../domain/program.ts';
import { matchPolicy, type PolicyEligibility, type PolicyFirmFacts, type PolicyMatch } from '../../domain/policy-matching.ts';
import { todayInChina } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';

/** A firm with its facts for matching. */
export interface FirmForMatching extends PolicyFirmFacts {
  id: number;
  name: string;
  /** The fiscal year whose figures were used (last year, or the year before when last year is not filed yet). */
  dataYear: number | null;
}

/** The policy of a slug, or 404. */
export function policyOf(slug: string): PolicyEligibility {
  const p = POLICIES.find((x) => x.slug === slug);
  if (!p) throw new AppError(404, 'no_policy', { zh: '没有该政策', en: 'No such policy' });
  return p;
}

/**
 * Loads the firms matching `where` (a condition on enterprises, e.g. the actor's scope) with their titles and last
 * completed fiscal year's figures — or the year before's while last year is not filed yet (the yearly update runs
 * until 31 May): three queries whatever the number of firms.
 */
export async function firmsForMatching(db: DbLike, where: SQL, today = todayInChina()): Promise<FirmForMatching[]> {
  const lastYear = Number(today.slice(0, 4)) - 1;
  const firms = await db.select({ id: enterprises.id, name: enterprises.name, county: enterprises.county, industry: enterprises.industry, sizeClass: enterprises.sizeClass }).from(enterprises).where(where);
  if (!firms.length) return [];
  const ids = sql`(select value from json_each(${JSON.stringify(firms.map((f) => f.id))}))`;
  const titles = await db
    .select({ enterpriseId: tierRecognitions.enterpriseId, tier: tierRecognitions.tier, level: tierRecognitions.level, status: tierRecognitions.status, validTo: tierRecognitions.validTo })
    .from(tierRecognitions)
    .where(sql`${tierRecognitions.enterpriseId} in ${ids}`);
  const years = await db
    .select({ enterpriseId: enterpriseYears.enterpriseId, fiscalYear: enterpriseYears.fiscalYear, revenue: enterpriseYears.revenue, mainRevenue: enterpriseYears.mainRevenue, rdSpend: enterpriseYears.rdSpend, rdStaff: enterpriseYears.rdStaff, employees: enterpriseYears.employees, digitalLevel: enterpriseYears.digitalLevel })
    .from(enterpriseYears)
    .where(and(sql`${enterpriseYears.fiscalYear} in (${lastYear - 1}, ${lastYear})`, sql`${enterpriseYears.enterpriseId} in ${ids}`));
  const titlesOf = new Map<number, PolicyFirmFacts['titles']>();
  for (const t of titles) titlesOf.set(t.enterpriseId, [...(titlesOf.get(t.enterpriseId) ?? []), t]);
  const yearOf = new Map<number, (typeof years)[number]>();
  for (const y of years) if ((yearOf.get(y.enterpriseId)?.fiscalYear ?? 0) < y.fiscalYear) yearOf.set(y.enterpriseId, y);
  return firms.map((f) => {
    const y = yearOf.get(f.id) ?? null;
    return { ...f, county: f.county as County, titles: titlesOf.get(f.id) ?? [], lastYear: y, dataYear: y?.fiscalYear ?? null };
  });
}

/** Firms' applications, as "enterpriseId:slug" keys. */
export async function appliedKeys(db: DbLike, firmIds: readonly number[]): Promise<Set<string>> {
  if (!firmIds.length) return new Set();
  const rows = await db
    .select({ e: policyApplications.enterpriseId, p: policyApplications.policy })
    .from(policyApplications)
    .where(sql`${policyApplications.enterpriseId} in (select value from json_each(${JSON.stringify(firmIds)}))`);
  return new Set(rows.map((r) => `${r.e}:${r.p}`));
}

/** Per policy: firms that look eligible, and of them those that have not applied (the bureau's outreach list). */
export function outreach(firms: readonly FirmForMatching[], applied: Set<string>, today = todayInChina()) {
  return POLICIES.map((policy) => {
    const eligible = firms.filter((f) => matchPolicy(policy, f, today).status === 'eligible');
    const notApplied = eligible.filter((f) => !applied.has(`${f.id}:${policy.slug}`));
    return { policy, eligible, notApplied };
  });
}

/** One firm's matches against every policy (the portal's "policies you may be entitled to"). */
export function matchesOf(firm: PolicyFirmFacts, today = todayInChina()): (PolicyMatch & { policy: PolicyEligibility })[] {
  return POLICIES.map((policy) => ({ ...matchPolicy(policy, firm, today), policy }));
}
