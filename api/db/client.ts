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

/** Opens the database; a file database gets WAL, foreign keys and an asynchronous wait for locks (below). */
export async function openDb(url: string, authToken?: string): Promise<Db> {
  const client = createClient({ url, authToken });
  if (url.startsWith('file:')) {
    // WAL lets readers go on while one writer writes.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
    retryWhenBusy(client);
  }
  await client.execute('PRAGMA foreign_keys = ON');
  return drizzle({ client, schema, casing: 'snake_case' }) as Db;
}

/** How long a statement or a transaction's BEGIN waits for another connection's or process's write lock (ms). */
export const BUSY_WAIT_MS = 5_000;

/** SQLITE_BUSY (the database is locked by another connection or process), also when wrapped by drizzle. */
export function isBusy(error: unknown): boolean {
  const e = error as { code?: string; rawCode?: number; cause?: { code?: string; rawCode?: number } } | null;
  return !!e && (e.code === 'SQLITE_BUSY' || e.rawCode === 5 || e.cause?.code === 'SQLITE_BUSY' || e.cause?.rawCode === 5);
}

/**
 * Waits for a locked database asynchronously: an autocommit statement, a batch or a transaction's BEGIN (libSQL
 * begins transactions as BEGIN IMMEDIATE, so a transaction takes the write lock first and never waits inside) that
 * fails with SQLITE_BUSY is tried again after 2 ms, doubling to 50 ms, for up to BUSY_WAIT_MS. SQLite's own
 * busy_timeout stays 0 on purpose: libSQL's embedded driver is synchronous, so a busy_timeout would block this
 * process's event loop — and when the lock holder is a transaction of this same process suspended at an await, block
 * it until the timeout fails both. Waiting here lets that transaction finish; between processes (WORKERS > 1) it
 * waits for the other's commit.
 */
function retryWhenBusy(client: Client): void {
  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const deadline = Date.now() + BUSY_WAIT_MS;
      for (let delay = 2; ; delay = Math.min(50, delay * 2)) {
        try {
          return await fn(...args);
        } catch (error) {
          if (!isBusy(error) || Date.now() + delay > deadline) throw error;
          await new Promise((r) => setTimeout(r, delay));
        }
      }
    };
  client.execute = wrap(client.execute.bind(client)) as typeof client.execute;
  client.batch = wrap(client.batch.bind(client)) as typeof client.batch;
  client.migrate = wrap(client.migrate.bind(client)) as typeof client.migrate;
  client.transaction = wrap(client.transaction.bind(client)) as typeof client.transaction;
}

/** Applies the committed drizzle-kit migrations that have not run yet. */
export async function migrateDb(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: migrationsFolder() });
}

/** A transaction handle, usable wherever queries take a database. */
export type DbTx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbLike = Db | DbTx;
