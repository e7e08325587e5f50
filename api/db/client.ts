import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.ts';

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

/** The committed migrations folder, found upwards from this module (it runs from source and from dist/). */
function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'drizzle', 'meta', '_journal.json'))) return join(dir, 'drizzle');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('drizzle/ migrations folder not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** Opens the database; a file database gets WAL, foreign keys and a busy timeout on every pooled connection. */
export async function openDb(url: string, authToken?: string): Promise<Db> {
  // `timeout` is the busy timeout of every connection the client pools (a transaction borrows its own): a PRAGMA would
  // reach only the first, and the others would fail at once with SQLITE_BUSY while another process writes.
  const client = createClient({ url, authToken, ...(url.startsWith('file:') ? { timeout: BUSY_WAIT_MS } : {}) });
  if (url.startsWith('file:')) {
    // WAL lets readers go on while one writer writes.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
  }
  await client.execute('PRAGMA foreign_keys = ON');
  return drizzle({ client, schema, casing: 'snake_case' }) as Db;
}

/**
 * How long a statement or a transaction's BEGIN waits for another connection's or process's write lock (ms).
 * libSQL's embedded driver waits synchronously (the event loop is blocked meanwhile), which suits waits for another
 * process: transactions here run their statements back to back (microtasks only) and hold the lock for milliseconds,
 * and a blocked waiter leaves the CPU to the holder. A transaction of this same process that awaits real I/O while
 * holding the lock would make a writer of this process wait the full time and fail with SQLITE_BUSY — keep I/O
 * (hashing, files) outside transactions. (An asynchronous retry instead of this wait was measured with
 * `npm run bench:load`: under CPU saturation it lost the race for the lock — failed edits and missed live updates.)
 */
export const BUSY_WAIT_MS = 5_000;

/** SQLITE_BUSY (the database is locked by another connection or process), also when wrapped by drizzle. */
export function isBusy(error: unknown): boolean {
  const e = error as { code?: string; rawCode?: number; cause?: { code?: string; rawCode?: number } } | null;
  return !!e && (e.code === 'SQLITE_BUSY' || e.rawCode === 5 || e.cause?.code === 'SQLITE_BUSY' || e.cause?.rawCode === 5);
}

/** Applies the committed drizzle-kit migrations that have not run yet. */
export async function migrateDb(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: migrationsFolder() });
}

/** A transaction handle, usable wherever queries take a database. */
export type DbTx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbLike = Db | DbTx;
