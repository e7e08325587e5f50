/** `npm run db:migrate`: apply committed migrations to the configured database. */
import { ConfigError, loadConfig } from '../api/config.ts';
import { migrateDb, openDb } from '../api/db/client.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDb(config.databaseUrl, config.databaseAuthToken);
  await migrateDb(db);
  db.$client.close();
  console.log(`数据库已迁移 Database migrated: ${config.databaseUrl.replace(/\/\/[^@]*@/, '//')}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
  process.exit(1);
});
