import { enterprises } from '../schema/index.ts';
import type { Db } from '../client.ts';
import { RELEVANCE_SET, type RelevanceClass } from '../../../content/demo/search-relevance.ts';
import { matchEnterprises } from './search.ts';

/** One relevance row's outcome: where the firm ranked (1-based, null when not in the first `depth`) and the time. */
export interface RelevanceOutcome {
  kind: RelevanceClass;
  query: string;
  firm: string;
  rank: number | null;
  top: string[];
  loose: boolean;
  ms: number;
}

/**
 * Runs every row of the relevance set (content/demo/search-relevance.ts) through matchEnterprises, the search the
 * directory and the register share, and reports each firm's rank among the first `depth` (default 3) by slug.
 */
export async function evaluateRelevance(db: Db, depth = 3): Promise<RelevanceOutcome[]> {
  const slugs = new Map((await db.select({ id: enterprises.id, slug: enterprises.slug }).from(enterprises)).map((r) => [r.id, r.slug]));
  const out: RelevanceOutcome[] = [];
  for (const [kind, rows] of Object.entries(RELEVANCE_SET) as [RelevanceClass, (typeof RELEVANCE_SET)[RelevanceClass]][]) {
    for (const row of rows) {
      const t0 = performance.now();
      const found = await matchEnterprises(db, row.query, { limit: depth });
      const ms = performance.now() - t0;
      const top = (found?.ids ?? []).map((id) => slugs.get(id) ?? String(id));
      const at = top.indexOf(row.firm);
      out.push({ kind, query: row.query, firm: row.firm, rank: at < 0 ? null : at + 1, top, loose: found?.loose ?? false, ms });
    }
  }
  return out;
}
