/**
 * `node scripts/serve.ts [distDir]`: serve an existing build with the configuration from the environment —
 * no build, migration or seeding (benchmarks serve their own build folder this way). `npm start` does all of it.
 */
import { ConfigError, loadConfig } from '../api/config.ts';
import { DIST_DIR } from './lib/build.ts';
import { servePlatform } from './lib/serve.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  await servePlatform(process.argv[2] ?? DIST_DIR, config.port, config.host, { production: config.production });
  console.log(`千企在线展馆 is serving on http://${config.host}:${config.port}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
  process.exit(1);
});
