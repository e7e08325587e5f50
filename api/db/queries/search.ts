import { sql, type SQL } from 'drizzle-orm';

export const SEARCH_KINDS = ['firm', 'product', 'job', 'project'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What the search queries need of a database: raw statements returning rows. */
export interface SearchDb {
  all: <T>(q: SQL) => Promise<T[]>;
}

/** A visitor's query split into terms: whitespace and punctuation separate terms; at most 8 of at most 40 characters. */
export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  return query
    .normalize('NFKC')
    .toLowerCase()
    // Control characters (NUL above all) are not text: FTS5 must never see them.
    .replace(/\p{Cc}/gu, ' ')
    .split(/[\s,，、;；。.!！?？]+/u)
    .map((t) => t.replace(/["*^:()]/g, '').trim().slice(0, 40))
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

const phrase = (t: string) => `"${t.replace(/"/g, '""')}"`;
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** Past this many trigrams a short term says little; the most frequent ones are kept. */
const MAX_EXPANSION = 200;

/**
 * WHERE condition and score over `search_docs` for the terms (every term must occur), or null when nothing can
 * match. Terms of 3+ characters are trigram phrases. A 2-character term such as 轴承 is expanded through the
 * `search_terms` vocabulary into every indexed trigram that starts with it (every text ends with a space, so each
 * occurrence starts one), so it uses the index and bm25 too. Single characters fall back to LIKE.
 * Score: bm25 with titles weighted 8×, firms' own documents ahead of their listings; lower ranks first.
 */
export async function searchClause(db: SearchDb, terms: string[]): Promise<{ where: SQL; score: SQL } | null> {
  if (terms.length === 0) return null;
  const groups: string[] = [];
  const likes: SQL[] = [];
  for (const term of terms) {
    const chars = [...term].length;
    if (chars >= 3) groups.push(phrase(term));
    else if (chars === 2) {
      const rows = await db.all<{ term: string }>(
        sql`SELECT term FROM search_terms WHERE term >= ${term} AND term < ${term + '\u{10FFFF}'} ORDER BY doc DESC LIMIT ${MAX_EXPANSION}`,
      );
      if (rows.length === 0) return null;
      groups.push(`(${rows.map((r) => phrase(r.term)).join(' OR ')})`);
    } else likes.push(sql`(search_docs.title LIKE ${likePattern(term)} ESCAPE '\\' OR search_docs.body LIKE ${likePattern(term)} ESCAPE '\\')`);
  }
  const parts: SQL[] = groups.length ? [sql`search_docs MATCH ${groups.join(' AND ')}`] : [];
  parts.push(...likes);
  const base = groups.length ? sql`bm25(search_docs, 8.0, 1.0)` : sql`(CASE WHEN search_docs.title LIKE ${likePattern(terms[0]!)} ESCAPE '\\' THEN -4.0 ELSE -1.0 END)`;
  // Firms' own names and intros outrank a passing mention in one of their listings.
  const kindBoost = sql`(CASE search_docs.kind WHEN 'firm' THEN 1.5 ELSE 1.0 END)`;
  return { where: sql.join(parts, sql` AND `), score: sql`(${base}) * ${kindBoost}` };
}

/** Ids of documents of one kind that match, best first (at most `limit`); an empty query gives null (no filter). */
export async function matchingIds(db: SearchDb, kind: SearchKind, query: string | undefined, limit = 500): Promise<number[] | null> {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  const clause = await searchClause(db, terms);
  if (!clause) return [];
  const rows = await db.all<{ ref_id: number }>(
    sql`SELECT ref_id FROM search_docs WHERE ${clause.where} AND search_docs.kind = ${kind} ORDER BY ${clause.score} LIMIT ${limit}`,
  );
  return rows.map((r) => Number(r.ref_id));
}

/**
 * Firms matching the query through their own document or any published listing: rows (eid, score), best score per
 * firm. Undefined for an empty query (no filter); null when nothing can match.
 */
export async function firmHitsSql(db: SearchDb, terms: string[]): Promise<SQL | null | undefined> {
  if (terms.length === 0) return undefined;
  const clause = await searchClause(db, terms);
  if (!clause) return null;
  // A draft or archived listing must not make its firm show up: one primary-key probe per matching document.
  const published = sql`(CASE search_docs.kind
    WHEN 'firm' THEN 1
    WHEN 'product' THEN (SELECT status FROM products WHERE id = search_docs.ref_id) = 'published'
    WHEN 'job' THEN (SELECT status FROM jobs WHERE id = search_docs.ref_id) = 'published'
    ELSE (SELECT status FROM investment_projects WHERE id = search_docs.ref_id) = 'published' END)`;
  // bm25() is not allowed inside an aggregate: score per document first (MATERIALIZED keeps SQLite from
  // flattening it back), then take each firm's best.
  return sql`WITH docs AS MATERIALIZED (SELECT enterprise_id AS eid, ${clause.score} AS score FROM search_docs WHERE ${clause.where} AND ${published}) SELECT eid, MIN(score) AS score FROM docs GROUP BY eid`;
}
