import { sql, type SQL } from 'drizzle-orm';
import { foldText, hanTokens, MAX_QUERY_CHARS, queryNameKey, stemEnglish, textRuns, type TextRun } from './search-text.ts';
import { refreshSearchIndex, type SearchIndexDb } from './search-index.ts';

export const SEARCH_KINDS = ['firm', 'product', 'job', 'project'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What the search queries need of a database: raw statements, and a write transaction to catch the index up. */
export type SearchDb = SearchIndexDb;

/** At most this many runs (words, Han stretches) of a query are used. */
const MAX_RUNS = 8;
/** With fewer exact matches than this, the looser bigram / prefix match fills the list below them. */
const FEW = 3;
/** Rank bands (score = band × 1000 + bm25, lower first): exact name, name prefix, firm text, listing; loose +4. */
const BAND = 1000;
const LOOSE_BANDS = 4;

/**
 * A query compiled for `search_index`: `strict` needs every word (Han words as contiguous bigram phrases, Latin
 * words as prefixes of the word, its English stem or a pinyin spelling); `loose` accepts any bigram or prefix
 * (reordered words, short names such as 润华化工, one-character typos); `key` is the query's name key.
 * `strict` is null when the query holds no letters or digits at all (nothing can match).
 */
export interface SearchPlan {
  strict: string | null;
  loose: string | null;
  key: string;
}

/** Visitor text → plan; null for an empty query (no filter). Cut to MAX_QUERY_CHARS characters (edges reject more). */
export function planSearch(query: string | undefined): SearchPlan | null {
  const text = [...(query ?? '').trim()].slice(0, MAX_QUERY_CHARS).join('');
  if (!text) return null;
  const runs = textRuns(foldText(text)).slice(0, MAX_RUNS);
  if (runs.length === 0) return { strict: null, loose: null, key: '' };
  const strict = runs.map(strictExpr).join(' AND ');
  const looseParts = [...new Set(runs.flatMap(looseExprs))];
  const loose = looseParts.join(' OR ');
  return { strict, loose: loose && loose !== strict ? loose : null, key: queryNameKey(text) };
}

// Runs hold only letters and digits, so a double-quoted FTS5 string needs no escaping.
const q = (token: string) => `"${token}"`;

function latinExpr(word: string): string {
  const stem = stemEnglish(word);
  const parts = [`{title body} : ${q(word)}*`, `alt : ${q(word)}*`];
  if (stem !== word) parts.push(`alt : ${q(stem)}*`);
  return `(${parts.join(' OR ')})`;
}

function strictExpr(run: TextRun): string {
  if (!run.han) return latinExpr(run.text);
  const chars = [...run.text];
  if (chars.length === 1) return `${q(run.text)}*`;
  return q(hanTokens(run.text).slice(0, -1).join(' '));
}

function looseExprs(run: TextRun): string[] {
  if (run.han) {
    const chars = [...run.text];
    return chars.length === 1 ? [`${q(run.text)}*`] : hanTokens(run.text).slice(0, -1).map(q);
  }
  const out = [latinExpr(run.text)];
  // A typo late in a long word (hengyum, bearimg): its first 60 % still finds the word.
  if (run.text.length >= 5) {
    const head = run.text.slice(0, Math.max(3, Math.ceil(run.text.length * 0.6)));
    out.push(`({title body alt} : ${q(head)}*)`);
  }
  return out;
}

/** A document counts for its firm only when published (a firm's own document always counts). */
const PUBLISHED = sql`(CASE search_index.kind
    WHEN 'firm' THEN 1
    WHEN 'product' THEN (SELECT status FROM products WHERE id = search_index.ref_id) = 'published'
    WHEN 'job' THEN (SELECT status FROM jobs WHERE id = search_index.ref_id) = 'published'
    ELSE (SELECT status FROM investment_projects WHERE id = search_index.ref_id) = 'published' END)`;

function bandSql(key: string): SQL {
  if (!key) return sql`(CASE search_index.kind WHEN 'firm' THEN 2 ELSE 3 END)`;
  return sql`(CASE WHEN search_index.kind != 'firm' THEN 3 WHEN search_index.name_key = ${key} THEN 0
    WHEN substr(search_index.name_key, 1, ${[...key].length}) = ${key} THEN 1 ELSE 2 END)`;
}

interface DocFilter {
  kind?: SearchKind | undefined;
  /** Only documents of these firms (e.g. one result page's), filtered before scoring. */
  enterpriseIds?: number[] | undefined;
}

function armSql(match: string, key: string, loose: boolean, only: DocFilter): SQL {
  const kind = only.kind;
  const firms = only.enterpriseIds
    ? sql` AND search_index.enterprise_id IN (SELECT value FROM json_each(${JSON.stringify(only.enterpriseIds)}))`
    : sql``;
  const offset = loose ? LOOSE_BANDS : 0;
  return sql`SELECT search_index.rowid AS doc, search_index.kind AS kind, search_index.ref_id AS ref_id,
    search_index.enterprise_id AS eid, (${offset} + ${bandSql(key)}) * ${BAND} + bm25(search_index, 8.0, 1.0, 4.0) AS score
    FROM search_index WHERE search_index MATCH ${match}${firms} AND ${PUBLISHED}${kind ? sql` AND search_index.kind = ${kind}` : sql``}`;
}

/**
 * Scored matching documents for a plan: SQL of rows (doc, kind, ref_id, eid, score) — one row per arm a document
 * matched, so take MIN(score) per whatever you group by — and whether the loose arm is in (`loose`: no exact
 * match at all; `widened`: loose rows were added below fewer than FEW exact ones). Null when nothing can match.
 */
export async function scoredDocsSql(
  db: SearchDb,
  plan: SearchPlan,
  only: DocFilter = {},
): Promise<{ sql: SQL; loose: boolean; widened: boolean } | null> {
  if (!plan.strict) return null;
  await refreshSearchIndex(db);
  const strict = armSql(plan.strict, plan.key, false, only);
  if (!plan.loose) return { sql: strict, loose: false, widened: false };
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM (${strict} LIMIT ${FEW})`);
  const exact = Number(row?.n ?? 0);
  if (exact >= FEW) return { sql: strict, loose: false, widened: false };
  return { sql: sql`${strict} UNION ALL ${armSql(plan.loose, plan.key, true, only)}`, loose: exact === 0, widened: true };
}

/** True when a score comes from the loose arm (a near match rather than an exact one). */
export const isLooseScore = (score: number) => score >= LOOSE_BANDS * BAND - BAND / 2;

/** Ids of published documents of one kind that match, best first (at most `limit`); an empty query gives null. */
export async function matchingIds(db: SearchDb, kind: SearchKind, query: string | undefined, limit = 500): Promise<number[] | null> {
  const plan = planSearch(query);
  if (!plan) return null;
  const docs = await scoredDocsSql(db, plan, { kind });
  if (!docs) return [];
  const rows = await db.all<{ ref_id: number }>(
    sql`WITH d AS MATERIALIZED (${docs.sql}) SELECT ref_id, MIN(score) AS score FROM d GROUP BY doc ORDER BY score LIMIT ${limit}`,
  );
  return rows.map((r) => Number(r.ref_id));
}

/**
 * Firms matching the query through their own document or any published listing: SQL of rows (eid, score), best
 * score per firm (lower first), and whether those are loose matches. Undefined for an empty query (no filter);
 * null when nothing can match. Every firm is indexed, with or without a hall: callers narrow.
 */
export async function firmHitsSql(db: SearchDb, query: string | undefined): Promise<{ sql: SQL; loose: boolean } | null | undefined> {
  const plan = planSearch(query);
  if (!plan) return undefined;
  const docs = await scoredDocsSql(db, plan);
  if (!docs) return null;
  // bm25() is not allowed inside an aggregate: score per document first (MATERIALIZED keeps SQLite from
  // flattening it back), then take each firm's best.
  return { sql: sql`WITH docs AS MATERIALIZED (${docs.sql}) SELECT eid, MIN(score) AS score FROM docs GROUP BY eid`, loose: docs.loose };
}

/**
 * The firm search every audience shares (public directory, the bureau's register): all enterprises, with or
 * without a published hall, matched with the same normalisation, pinyin, ranking and fallbacks as the directory.
 * `query`: visitor text (at most MAX_QUERY_CHARS characters are used); `limit`: most ids returned (default 200).
 * Returns enterprise ids best first, and `loose` when none matched exactly and these are near matches; null for
 * an empty query (no filter). Scope (county, team) is the caller's: intersect the ids with its own `where`.
 */
export async function matchEnterprises(
  db: SearchDb,
  query: string | undefined,
  options: { limit?: number } = {},
): Promise<{ ids: number[]; loose: boolean } | null> {
  const hits = await firmHitsSql(db, query);
  if (hits === undefined) return null;
  if (hits === null) return { ids: [], loose: false };
  const rows = await db.all<{ eid: number }>(sql`SELECT eid FROM (${hits.sql}) ORDER BY score, eid LIMIT ${options.limit ?? 200}`);
  return { ids: rows.map((r) => Number(r.eid)), loose: hits.loose };
}
