import type { Config } from './config.ts';
import type { Db } from './db/client.ts';

/** What request handlers need, built once at start (or per test). */
export interface AppContext {
  config: Config;
  db: Db;
  /** Directory of content-addressed media (panorama pyramids, product photos). */
  mediaDir: string;
}
