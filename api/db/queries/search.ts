import { sql, type SQL } from 'drizzle-orm';

export const SEARCH_KINDS = ['firm', 'product', 'job', 'project'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A visitor's query split into terms: whitespace separates terms; at most 8 terms of at most 40 characters. */
export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  return query
    .normalize('NFKC')
    .split(/[\s,，、;；]+/u)
    .map((t) => t.replace(/["*^:()]/g, '').trim().slice(0, 40))
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * WHERE condition and score over `search_docs` for the terms (every term must occur). Terms of 3+ characters go
 * to the trigram index (MATCH, ranked by bm25 with the title weighted 8×); 1–2 character terms such as 轴承 use LIKE
 * on the same columns and score by where they occur. Lower score ranks first.
 */
export function searchClause(terms: string[]): { where: SQL; score: SQL } | null {
  if (terms.length === 0) return null;
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const parts: SQL[] = [];
  if (long.length) {
    const match = long.map((t) => `"${t}"`).join(' AND ');
    parts.push(sql`search_docs MATCH ${match}`);
  }
  for (const t of short) parts.push(sql`(search_docs.title LIKE ${likePattern(t)} ESCAPE '\\' OR search_docs.body LIKE ${likePattern(t)} ESCAPE '\\')`);
  // A short term in the title is worth about what a strong bm25 hit is; in the body a little.
  const shortScore = short.length
    ? sql.join(
        short.map((t) => sql`(CASE WHEN search_docs.title LIKE ${likePattern(t)} ESCAPE '\\' THEN -4.0 ELSE -1.0 END)`),
        sql` + `,
      )
    : sql`0`;
  const base = long.length ? sql`bm25(search_docs, 8.0, 1.0)` : sql`0`;
  // Firms' own names and intros outrank a passing mention in one of their listings.
  const kindBoost = sql`(CASE search_docs.kind WHEN 'firm' THEN 1.5 ELSE 1.0 END)`;
  return { where: sql.join(parts, sql` AND `), score: sql`((${base}) + (${shortScore})) * ${kindBoost}` };
}

/**
 * Ids of documents of one kind that match, best first (at most `limit`); an empty query gives null (no filter).
 */
export async function matchingIds(
  db: { all: <T>(q: SQL) => Promise<T[]> },
  kind: SearchKind,
  query: string | undefined,
  limit = 500,
): Promise<number[] | null> {
  const clause = searchClause(searchTerms(query));
  if (!clause) return null;
  const rows = await db.all<{ ref_id: number }>(
    sql`SELECT ref_id FROM search_docs WHERE ${clause.where} AND search_docs.kind = ${kind} ORDER BY ${clause.score} LIMIT ${limit}`,
  );
  return rows.map((r) => Number(r.ref_id));
}

/** Firms matching the query through their own document or any listing: enterprise id → best score. */
export function firmHitsSql(terms: string[]): SQL | null {
  const clause = searchClause(terms);
  if (!clause) return null;
  // A draft or archived listing must not make its firm show up.
  const published = sql`(search_docs.kind = 'firm'
    OR (search_docs.kind = 'product' AND search_docs.ref_id IN (SELECT id FROM products WHERE status = 'published'))
    OR (search_docs.kind = 'job' AND search_docs.ref_id IN (SELECT id FROM jobs WHERE status = 'published'))
    OR (search_docs.kind = 'project' AND search_docs.ref_id IN (SELECT id FROM investment_projects WHERE status = 'published')))`;
  // bm25() is not allowed inside an aggregate: score per document first, then take each firm's best.
  // MATERIALIZED keeps SQLite from flattening the subquery back into the aggregate.
  return sql`WITH docs AS MATERIALIZED (SELECT enterprise_id AS eid, ${clause.score} AS score FROM search_docs WHERE ${clause.where} AND ${published}) SELECT eid, MIN(score) AS score FROM docs GROUP BY eid`;
}
