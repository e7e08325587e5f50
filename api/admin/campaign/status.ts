import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { dataCampaigns, enterpriseYears, enterprises, type DataCampaign } from '../../db/schema/index.ts';
import { COUNTIES, type County } from '../../domain/program.ts';
import { REQUIRED_FIGURES } from '../register/queries.ts';
import { liveFirms, type ScopeActor } from '../scope.ts';

/** Where a firm stands in a campaign: filed every required figure, filed some, or nothing yet. */
export type FilingState = 'complete' | 'incomplete' | 'missing';

/** One firm of the chase list (not complete). */
export interface ChaseFirm {
  id: number;
  name: string;
  county: County;
  state: Exclude<FilingState, 'complete'>;
  /** Past the due date and not complete: flagged in the register. */
  late: boolean;
}

/** Completion of one area. */
export interface AreaCompletion {
  county: County;
  firms: number;
  complete: number;
  incomplete: number;
  missing: number;
}

/** The campaign of a fiscal year, or the newest open one. */
export async function campaignOf(db: DbLike, fiscalYear?: number): Promise<DataCampaign | null> {
  const [row] = await db
    .select()
    .from(dataCampaigns)
    .where(fiscalYear === undefined ? sql`${dataCampaigns.closedAt} is null` : eq(dataCampaigns.fiscalYear, fiscalYear))
    .orderBy(desc(dataCampaigns.fiscalYear))
    .limit(1);
  return row ?? null;
}

/** True once `today` (ISO date, China time) is after the due date. */
export const pastDue = (campaign: Pick<DataCampaign, 'dueDate'>, today: string) => today > campaign.dueDate;

/**
 * Every live firm in the actor's scope with its filing state for the campaign's fiscal year: complete when each
 * REQUIRED_FIGURES figure (the register's definition of complete data) is filled. The campaign covers the whole
 * register (企业基础信息库): the one yearly form feeds every evaluation, and designated firms must update yearly
 * (ADMIN.md: by 31 May under the 2026 rules, or lose the re-review).
 */
export async function filingStates(db: DbLike, actor: ScopeActor, fiscalYear: number, firmId?: number) {
  const complete = and(...REQUIRED_FIGURES.map((f) => isNotNull(enterpriseYears[f])));
  return db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      county: enterprises.county,
      state: sql<FilingState>`case when ${enterpriseYears.id} is null then 'missing' when ${complete} then 'complete' else 'incomplete' end`,
    })
    .from(enterprises)
    .leftJoin(enterpriseYears, and(eq(enterpriseYears.enterpriseId, enterprises.id), eq(enterpriseYears.fiscalYear, fiscalYear)))
    .where(firmId === undefined ? liveFirms(actor) : and(liveFirms(actor), eq(enterprises.id, firmId)))
    .orderBy(enterprises.county, enterprises.name);
}

/** Completion by area and the chase list (firms not complete; late ones flagged) — pure over the filing states. */
export function summarise(states: readonly { id: number; name: string; county: County; state: FilingState }[], late: boolean) {
  const areas = new Map<County, AreaCompletion>(COUNTIES.map((c) => [c, { county: c, firms: 0, complete: 0, incomplete: 0, missing: 0 }]));
  const chase: ChaseFirm[] = [];
  for (const s of states) {
    const a = areas.get(s.county)!;
    a.firms += 1;
    a[s.state] += 1;
    if (s.state !== 'complete') chase.push({ id: s.id, name: s.name, county: s.county, state: s.state, late });
  }
  const byCounty = [...areas.values()].filter((a) => a.firms > 0);
  const total = byCounty.reduce((t, a) => ({ firms: t.firms + a.firms, complete: t.complete + a.complete }), { firms: 0, complete: 0 });
  return { byCounty, chase, total };
}
