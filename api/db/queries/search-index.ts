import { sql, type SQL } from 'drizzle-orm';
import { nameSortKey } from './name-sort.ts';
import { indexDoc } from './search-text.ts';

/** What the index upkeep needs: raw statements, and a write transaction unless it already runs in one. */
export interface SearchIndexDb {
  all: <T>(q: SQL) => Promise<T[]>;
  run: (q: SQL) => Promise<unknown>;
  transaction?: unknown;
}

/** Documents normalised per round trip. */
const BATCH = 500;

interface RawDoc {
  doc: number;
  title: string;
  body: string;
  kind: string;
  ref_id: number;
  enterprise_id: number;
}

/**
 * Folds every document whose source rows changed (`search_pending`, filled by triggers in the editing
 * transaction) from the raw `search_docs` text into the normalised `search_index`; removed documents leave it.
 * A firm's document also renews its pinyin sort key (`enterprise_name_keys`, from the firm's name).
 * Runs in one write transaction (or the caller's), so two processes never interleave. Cheap when nothing is
 * pending (one indexed read), which is why every search calls it first. Returns how many documents were redone.
 */
export async function refreshSearchIndex(db: SearchIndexDb): Promise<number> {
  const [first] = await db.all<{ doc: number }>(sql`SELECT doc FROM search_pending LIMIT 1`);
  if (!first) return 0;
  const inTransaction = typeof (db as { rollback?: unknown }).rollback === 'function';
  if (inTransaction || typeof db.transaction !== 'function') return foldPending(db);
  const begin = db.transaction as (fn: (tx: SearchIndexDb) => Promise<number>) => Promise<number>;
  return begin.call(db, (tx) => foldPending(tx));
}

async function foldPending(db: SearchIndexDb): Promise<number> {
  let done = 0;
  for (;;) {
    const pending = await db.all<{ doc: number }>(sql`SELECT doc FROM search_pending ORDER BY doc LIMIT ${BATCH}`);
    if (pending.length === 0) return done;
    const ids = JSON.stringify(pending.map((p) => Number(p.doc)));
    const raw = await db.all<RawDoc>(
      sql`SELECT rowid AS doc, title, body, kind, ref_id, enterprise_id FROM search_docs WHERE rowid IN (SELECT value FROM json_each(${ids}))`,
    );
    await db.run(sql`DELETE FROM search_index WHERE rowid IN (SELECT value FROM json_each(${ids}))`);
    if (raw.length > 0) {
      const rows = JSON.stringify(
        raw.map((r) => {
          const d = indexDoc(r.title ?? '', r.body ?? '');
          return [Number(r.doc), d.title, d.body, d.alt, r.kind, Number(r.ref_id), Number(r.enterprise_id), d.nameKey];
        }),
      );
      await db.run(sql`INSERT INTO search_index (rowid, title, body, alt, kind, ref_id, enterprise_id, name_key)
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7 FROM json_each(${rows})`);
    }
    // Firm documents (rowid = id * 4): the firm's pinyin sort key. A deleted firm's key went with it (cascade).
    const firmIds = JSON.stringify(pending.map((p) => Number(p.doc)).filter((doc) => doc % 4 === 0).map((doc) => doc / 4));
    const names = await db.all<{ id: number; name: string }>(sql`SELECT id, name FROM enterprises WHERE id IN (SELECT value FROM json_each(${firmIds}))`);
    if (names.length > 0) {
      const keys = JSON.stringify(names.map((n) => [Number(n.id), nameSortKey(n.name)]));
      await db.run(sql`INSERT INTO enterprise_name_keys (enterprise_id, name_key) SELECT value ->> 0, value ->> 1 FROM json_each(${keys}) WHERE true
        ON CONFLICT (enterprise_id) DO UPDATE SET name_key = excluded.name_key`);
    }
    await db.run(sql`DELETE FROM search_pending WHERE doc IN (SELECT value FROM json_each(${ids}))`);
    done += pending.length;
  }
}
