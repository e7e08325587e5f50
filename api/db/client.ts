import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.ts';

/** How long a file database connection waits for another connection's or process's write lock (ms). */
const BUSY_TIMEOUT_MS = 5_000;

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

/** Opens the database; a file database gets WAL, foreign keys and a busy timeout. */
export async function openDb(url: string, authToken?: string): Promise<Db> {
  // `timeout` is the busy timeout of every pooled connection (ms): the PRAGMA below reaches only the first one, and a
  // transaction borrows another — without it, two processes' write transactions fail at once with SQLITE_BUSY.
  const client = createClient({ url, authToken, ...(url.startsWith('file:') ? { timeout: BUSY_TIMEOUT_MS } : {}) });
  if (url.startsWith('file:')) {
    // WAL lets readers go on while one writer writes; busy_timeout waits for the lock instead of failing.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    await client.execute('PRAGMA synchronous = NORMAL');
  }
  await client.execute('PRAGMA foreign_keys = ON');
  const db = drizzle({ client, schema, casing: 'snake_case' }) as Db;
  if (url.startsWith('file:')) serialiseTransactions(db);
  return db;
}

/**
 * One write transaction at a time within this process (an async queue). libSQL's embedded driver waits for a lock
 * synchronously: a second transaction of the same process, on another pooled connection, would block the event loop
 * waiting for a lock the first (suspended at an await) can never release until the busy timeout fails it. Between
 * processes the busy timeout does the waiting. Savepoints (`tx.transaction`) are not affected.
 */
function serialiseTransactions(db: Db): void {
  const run = db.transaction.bind(db);
  let tail: Promise<unknown> = Promise.resolve();
  db.transaction = ((...args: Parameters<typeof run>) => {
    const result = tail.then(() => run(...args));
    tail = result.catch(() => undefined);
    return result;
  }) as typeof db.transaction;
}

/** Applies the committed drizzle-kit migrations that have not run yet. */
export async function migrateDb(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: migrationsFolder() });
}

/** A transaction handle, usable wherever queries take a database. */
export type DbTx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbLike = Db | DbTx;
