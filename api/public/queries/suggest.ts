import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { planSearch, scoredDocsSql } from '../../db/queries/search.ts';

/** One suggestion under a search box: a published firm's hall or one of its published products. */
export interface Suggestion {
  kind: 'firm' | 'product';
  label: string;
  labelEn: string | null;
  /** Site path the suggestion opens (without a language prefix). */
  path: string;
}

/**
 * Up to `limit` (default 8) suggestions for what a visitor has typed so far: firm names and product names, best
 * match first, through the same index, normalisation and fallbacks as the directory (traditional, pinyin,
 * initials, English stems). Only firms with a published hall, and only their published products. [] for no match.
 */
export async function suggest(db: Db, query: string, limit = 8): Promise<Suggestion[]> {
  const plan = planSearch(query);
  const docs = plan && (await scoredDocsSql(db, plan));
  if (!docs) return [];
  const rows = await db.all<{ kind: 'firm' | 'product'; ref: number; score: number }>(
    sql`WITH d AS MATERIALIZED (${docs.sql})
      SELECT d.kind AS kind, d.ref_id AS ref, MIN(d.score) AS score FROM d
      INNER JOIN halls ON halls.enterprise_id = d.eid AND halls.status = 'published'
      WHERE d.kind IN ('firm', 'product') GROUP BY d.doc ORDER BY score LIMIT ${limit}`,
  );
  const firmIds = rows.filter((r) => r.kind === 'firm').map((r) => Number(r.ref));
  const productIds = rows.filter((r) => r.kind === 'product').map((r) => Number(r.ref));
  const [firms, products] = await Promise.all([
    firmIds.length
      ? db.all<{ id: number; name: string; nameEn: string | null; slug: string }>(
          sql`SELECT id, name, name_en AS nameEn, slug FROM enterprises WHERE id IN (SELECT value FROM json_each(${JSON.stringify(firmIds)}))`,
        )
      : [],
    productIds.length
      ? db.all<{ id: number; name: string; nameEn: string | null }>(
          sql`SELECT id, name, name_en AS nameEn FROM products WHERE id IN (SELECT value FROM json_each(${JSON.stringify(productIds)}))`,
        )
      : [],
  ]);
  const firmById = new Map(firms.map((f) => [Number(f.id), f]));
  const productById = new Map(products.map((p) => [Number(p.id), p]));
  return rows.flatMap((r): Suggestion[] => {
    if (r.kind === 'firm') {
      const f = firmById.get(Number(r.ref));
      return f ? [{ kind: 'firm', label: f.name, labelEn: f.nameEn, path: `/halls/${f.slug}` }] : [];
    }
    const p = productById.get(Number(r.ref));
    return p ? [{ kind: 'product', label: p.name, labelEn: p.nameEn, path: `/products/${p.id}` }] : [];
  });
}
