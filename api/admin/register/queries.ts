import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { firmHitsSql } from '../../db/queries/search.ts';
import { refreshSearchIndex } from '../../db/queries/search-index.ts';
import { currentTitleSql } from '../../db/queries/titles.ts';
import { cohorts, cohortSelections, enterpriseNameKeys, enterpriseYears, enterprises, halls, preEvaluations, tierRecognitions, users, type User } from '../../db/schema/index.ts';
import type { County, Industry, SizeClass, Tier, TierLevel, TitleStatus } from '../../domain/program.ts';
import { firmScope, liveFirms, type ScopeActor } from '../scope.ts';
import { defaultFiscalYear, REVIEW_DUE_DAYS, RULESET_TIER, type RegisterQuery } from './filters.ts';

type Actor = ScopeActor;

/** Figures without which a year's data counts as incomplete (the inputs every pre-evaluation needs). */
export const REQUIRED_FIGURES = ['revenue', 'mainRevenue', 'rdSpend', 'employees', 'totalAssets', 'totalLiabilities'] as const;

/** One row of the register list. */
export interface RegisterRow {
  id: number;
  creditCode: string;
  name: string;
  county: County;
  industry: Industry;
  sizeClass: SizeClass;
  hallStatus: 'draft' | 'published' | 'suspended' | null;
  /** Revenue (万元) of the list's fiscal year, null when not reported. */
  revenue: number | null;
  dataComplete: boolean;
  tags: string[];
  /** The firm's 负责人 (liaison officer): the staff member's display name, null when none is named. */
  liaison: string | null;
  updatedAt: string;
  titles: { tier: Tier; level: TierLevel; year: number; status: TitleStatus; validTo: string | null; reviewDue: string | null }[];
}

/** A title's status as people should read it today: a designated title past its validity has expired. */
export function effectiveTitleStatus(t: { status: TitleStatus; validTo: string | null }, today: string): TitleStatus {
  return t.status === 'designated' && t.validTo !== null && t.validTo < today ? 'expired' : t.status;
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

function completeSql(year: number): SQL {
  const cols = [enterpriseYears.revenue, enterpriseYears.mainRevenue, enterpriseYears.rdSpend, enterpriseYears.employees, enterpriseYears.totalAssets, enterpriseYears.totalLiabilities];
  return sql`EXISTS (SELECT 1 FROM ${enterpriseYears} WHERE ${enterpriseYears.enterpriseId} = ${enterprises.id} AND ${enterpriseYears.fiscalYear} = ${year}
    AND ${sql.join(cols.map((c) => sql`${c} IS NOT NULL`), sql` AND `)})`;
}

/** The WHERE of a register query (scope, trash and every filter), or null when a search cannot match anything. */
/** A search that may be part of a 统一社会信用代码: 6–18 of its characters (digits and capitals), spaces removed. */
const CODE_FRAGMENT = /^[0-9A-Z]{6,18}$/;

async function registerWhere(db: DbLike, actor: Actor, query: RegisterQuery, today: string): Promise<{ where: SQL; hits: SQL | undefined } | null> {
  const year = query.year ?? defaultFiscalYear(today);
  const titleOf = (extra: SQL) =>
    sql`EXISTS (SELECT 1 FROM ${tierRecognitions} WHERE ${tierRecognitions.enterpriseId} = ${enterprises.id}
      ${query.tier ? sql`AND ${tierRecognitions.tier} = ${query.tier}` : sql``}
      ${query.level ? sql`AND ${tierRecognitions.level} = ${query.level}` : sql``} AND ${extra})`;
  const titleFilter = (): SQL | undefined => {
    switch (query.title) {
      case undefined:
        // 称号状态 "全部": firms with a title of that tier or level in any status (current, expired or revoked).
        return query.tier || query.level ? titleOf(sql`1 = 1`) : undefined;
      case 'current':
        return titleOf(currentTitleSql(today));
      case 'expired':
        return titleOf(sql`(${tierRecognitions.status} = 'expired' OR (${tierRecognitions.status} = 'designated' AND ${tierRecognitions.validTo} < ${today}))`);
      case 'revoked':
        return titleOf(sql`${tierRecognitions.status} = 'revoked'`);
      case 'review_due':
        return titleOf(sql`${currentTitleSql(today)} AND ${tierRecognitions.reviewDue} BETWEEN ${today} AND ${addDays(today, REVIEW_DUE_DAYS)}`);
      case 'none':
        return sql`NOT ${titleOf(currentTitleSql(today))}`;
    }
  };
  const hallFilter = (): SQL | undefined => {
    if (!query.hall) return undefined;
    if (query.hall === 'none') return sql`NOT EXISTS (SELECT 1 FROM ${halls} WHERE ${halls.enterpriseId} = ${enterprises.id})`;
    return sql`EXISTS (SELECT 1 FROM ${halls} WHERE ${halls.enterpriseId} = ${enterprises.id} AND ${halls.status} = ${query.hall})`;
  };
  let hits: SQL | undefined;
  let codeMatch: SQL | undefined;
  if (query.q) {
    const compact = query.q.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    // Any 6+ consecutive characters of a credit code (people copy its middle: the area code, the registration
    // number). A substring cannot use the code's index; the register is scanned row by row either way when
    // searching, and instr() on 18 characters costs ~1 µs a firm (bench:admin, `q=1581MA`).
    if (CODE_FRAGMENT.test(compact)) codeMatch = sql`instr(${enterprises.creditCode}, ${compact}) > 0`;
    // The same index, normalisation and fallbacks as the public directory (traditional, pinyin, short names).
    const found = await firmHitsSql(db, query.q);
    if (found === null && !codeMatch) return null;
    hits = found?.sql;
  }
  const searchFilter = query.q
    ? sql`(${hits ? sql`${enterprises.id} IN (SELECT eid FROM hits)` : sql`1 = 0`} OR ${codeMatch ?? sql`1 = 0`})`
    : undefined;
  const where = and(
    liveFirms(actor),
    query.county ? eq(enterprises.county, query.county) : undefined,
    query.industry ? eq(enterprises.industry, query.industry) : undefined,
    query.size ? eq(enterprises.sizeClass, query.size) : undefined,
    titleFilter(),
    query.cohort
      ? sql`EXISTS (SELECT 1 FROM ${cohortSelections} INNER JOIN ${cohorts} ON ${cohorts.id} = ${cohortSelections.cohortId}
          WHERE ${cohortSelections.enterpriseId} = ${enterprises.id} AND ${cohorts.year} = ${query.cohort})`
      : undefined,
    hallFilter(),
    query.data === 'complete' ? completeSql(year) : query.data === 'incomplete' ? sql`NOT ${completeSql(year)}` : undefined,
    query.tag ? sql`EXISTS (SELECT 1 FROM json_each(${enterprises.tags}) WHERE value = ${query.tag})` : undefined,
    query.candidate
      ? sql`EXISTS (SELECT 1 FROM ${preEvaluations} WHERE ${preEvaluations.enterpriseId} = ${enterprises.id} AND ${preEvaluations.ruleset} = ${query.candidate}
          AND ${preEvaluations.fiscalYear} = ${defaultFiscalYear(today)} AND ${preEvaluations.prerequisitesMet} = 1)
          AND NOT EXISTS (SELECT 1 FROM ${tierRecognitions} WHERE ${tierRecognitions.enterpriseId} = ${enterprises.id}
          AND ${tierRecognitions.tier} = ${RULESET_TIER[query.candidate]!} AND ${currentTitleSql(today)})`
      : undefined,
    searchFilter,
  )!;
  return { where, hits };
}

/** A firm's name in pinyin order (enterprise_name_keys; its name itself until the index upkeep has keyed it). */
const nameOrder = sql`coalesce((SELECT ${enterpriseNameKeys.nameKey} FROM ${enterpriseNameKeys} WHERE ${enterpriseNameKeys.enterpriseId} = ${enterprises.id}), ${enterprises.name})`;

function orderBy(query: RegisterQuery, hits: SQL | undefined): SQL {
  const sort = query.sort ?? (hits ? undefined : 'name');
  const dir = (s: string) => (s.startsWith('-') ? sql`DESC` : sql`ASC`);
  switch (sort?.replace('-', '')) {
    case undefined:
      return sql`(SELECT score FROM hits WHERE eid = ${enterprises.id}) ASC NULLS LAST, ${nameOrder}`;
    case 'county':
      return sql`${enterprises.county} ${dir(sort!)}, ${nameOrder}`;
    case 'updated':
      return sql`${enterprises.updatedAt} ${dir(sort!)}, ${enterprises.id}`;
    case 'revenue':
      return sql`revenue ${dir(sort!)} NULLS LAST, ${nameOrder}`;
    case 'credit':
      return sql`${enterprises.creditCode} ${dir(sort!)}`;
    default:
      return sql`${nameOrder} ${dir(sort!)}, ${enterprises.id}`;
  }
}

/**
 * A page of the register within the actor's scope: `{ items, total }`, 50 rows a page unless `pageSize` says
 * otherwise (at most 200). `today` is an ISO date; it decides which titles are current and which year is "last".
 */
export async function listEnterprises(
  db: DbLike,
  actor: Actor,
  query: RegisterQuery,
  today: string,
  options: { onlyIds?: number[]; maxPageSize?: number } = {},
): Promise<{ items: RegisterRow[]; total: number }> {
  // Sort keys of firms added or renamed since the last search (cheap when none are pending).
  await refreshSearchIndex(db);
  const built = await registerWhere(db, actor, query, today);
  if (!built) return { items: [], total: 0 };
  const { hits } = built;
  // A selection of up to 50,000 ids travels as one JSON parameter (SQLite caps bound variables far lower).
  const where = options.onlyIds ? and(built.where, sql`${enterprises.id} IN (SELECT value FROM json_each(${JSON.stringify(options.onlyIds)}))`)! : built.where;
  const year = query.year ?? defaultFiscalYear(today);
  const pageSize = Math.min(query.pageSize ?? 50, options.maxPageSize ?? 200);
  const offset = ((query.page ?? 1) - 1) * pageSize;
  const withHits = hits ? sql`WITH hits AS MATERIALIZED (${hits}) ` : sql``;
  // First the page's ids and the total (cheap: no per-row subqueries except what the order needs), then the
  // columns of those rows only — a late page costs what an early one does.
  const revenueOf = sql`(SELECT ${enterpriseYears.revenue} FROM ${enterpriseYears} WHERE ${enterpriseYears.enterpriseId} = ${enterprises.id} AND ${enterpriseYears.fiscalYear} = ${year})`;
  const page = await db.all<{ id: number; total: number }>(
    sql`${withHits}SELECT ${enterprises.id} AS id, ${query.sort?.endsWith('revenue') ? sql`${revenueOf} AS revenue, ` : sql``}count(*) OVER () AS total
      FROM ${enterprises} WHERE ${where} ORDER BY ${orderBy(query, hits)} LIMIT ${pageSize} OFFSET ${offset}`,
  );
  let total = Number(page[0]?.total ?? 0);
  if (page.length === 0 && offset > 0) total = await countEnterprises(db, actor, query, today);
  const pageIds = page.map((r) => Number(r.id));
  const details = pageIds.length
    ? await db.all<{
        id: number; credit_code: string; name: string; county: County; industry: Industry; size_class: SizeClass;
        hall_status: RegisterRow['hallStatus']; revenue: number | null; complete: number; tags: string; liaison: string | null; updated_at: number;
      }>(sql`SELECT ${enterprises.id} AS id, ${enterprises.creditCode} AS credit_code, ${enterprises.name} AS name,
          ${enterprises.county} AS county, ${enterprises.industry} AS industry, ${enterprises.sizeClass} AS size_class,
          (SELECT ${halls.status} FROM ${halls} WHERE ${halls.enterpriseId} = ${enterprises.id}) AS hall_status,
          ${revenueOf} AS revenue, ${completeSql(year)} AS complete, ${enterprises.tags} AS tags,
          (SELECT ${users.displayName} FROM ${users} WHERE ${users.id} = ${enterprises.liaisonUserId}) AS liaison, ${enterprises.updatedAt} AS updated_at
        FROM ${enterprises} WHERE ${inArray(enterprises.id, pageIds)}`)
    : [];
  const byId = new Map(details.map((d) => [Number(d.id), d]));
  const rows = pageIds.map((id) => byId.get(id)!);
  const titles = await titlesOf(db, rows.map((r) => r.id), today);
  return {
    total,
    items: rows.map((r) => ({
      id: Number(r.id),
      creditCode: r.credit_code,
      name: r.name,
      county: r.county,
      industry: r.industry,
      sizeClass: r.size_class,
      hallStatus: r.hall_status,
      revenue: r.revenue === null ? null : Number(r.revenue),
      dataComplete: Number(r.complete) === 1,
      tags: JSON.parse(r.tags) as string[],
      liaison: r.liaison,
      updatedAt: new Date(Number(r.updated_at)).toISOString(),
      titles: titles.get(Number(r.id)) ?? [],
    })),
  };
}

async function countEnterprises(db: DbLike, actor: Actor, query: RegisterQuery, today: string): Promise<number> {
  const built = await registerWhere(db, actor, query, today);
  if (!built) return 0;
  const withHits = built.hits ? sql`WITH hits AS MATERIALIZED (${built.hits}) ` : sql``;
  const [row] = await db.all<{ n: number }>(sql`${withHits}SELECT count(*) AS n FROM ${enterprises} WHERE ${built.where}`);
  return Number(row?.n ?? 0);
}

/**
 * Every id the query matches across all pages (the register's "select all N"), capped at `max` (default 50,000);
 * scope and trash apply as in the list.
 */
export async function enterpriseIdsMatching(db: DbLike, actor: Actor, query: RegisterQuery, today: string, max = 50_000): Promise<number[]> {
  const built = await registerWhere(db, actor, query, today);
  if (!built) return [];
  const withHits = built.hits ? sql`WITH hits AS MATERIALIZED (${built.hits}) ` : sql``;
  const rows = await db.all<{ id: number }>(sql`${withHits}SELECT ${enterprises.id} AS id FROM ${enterprises} WHERE ${built.where} ORDER BY ${enterprises.name} LIMIT ${max}`);
  return rows.map((r) => Number(r.id));
}

/** Of these ids, the ones the actor may see (not trashed); the order of `ids` is kept. */
export async function idsInScope(db: DbLike, actor: Actor, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const allowed = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.select({ id: enterprises.id }).from(enterprises).where(and(liveFirms(actor), inArray(enterprises.id, ids.slice(i, i + 500))));
    for (const r of rows) allowed.add(r.id);
  }
  return ids.filter((id) => allowed.has(id));
}

/** Titles of the given firms, newest first, with their status as of `today`. */
export async function titlesOf(db: DbLike, ids: number[], today: string): Promise<Map<number, RegisterRow['titles']>> {
  const out = new Map<number, RegisterRow['titles']>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      enterpriseId: tierRecognitions.enterpriseId,
      tier: tierRecognitions.tier,
      level: tierRecognitions.level,
      year: tierRecognitions.year,
      status: tierRecognitions.status,
      validTo: tierRecognitions.validTo,
      reviewDue: tierRecognitions.reviewDue,
    })
    .from(tierRecognitions)
    .where(inArray(tierRecognitions.enterpriseId, ids))
    .orderBy(desc(tierRecognitions.year), asc(tierRecognitions.tier));
  for (const r of rows) {
    const list = out.get(r.enterpriseId) ?? [];
    list.push({ tier: r.tier, level: r.level, year: r.year, status: effectiveTitleStatus(r, today), validTo: r.validTo, reviewDue: r.reviewDue });
    out.set(r.enterpriseId, list);
  }
  return out;
}

/** The firm when the actor may see it (live, or in the trash when `trashed`), else undefined. */
export async function firmInScope(db: DbLike, actor: Actor, id: number, trashed = false) {
  const [firm] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, id), firmScope(actor), trashed ? isNotNull(enterprises.deletedAt) : isNull(enterprises.deletedAt)));
  return firm;
}
