import { sql, type SQL } from 'drizzle-orm';
import { tierRecognitions } from '../schema/index.ts';

/** SQL true when a title row is currently valid on `today` (ISO date): designated and not past its validity. */
export function currentTitleSql(today: string): SQL {
  return sql`(${tierRecognitions.status} = 'designated' AND (${tierRecognitions.validTo} IS NULL OR ${tierRecognitions.validTo} >= ${today}))`;
}

/** Titles the public may see as badges: checked by the bureau against the official list, and currently valid. */
export function publicTitleSql(today: string): SQL {
  return sql`(${tierRecognitions.verified} = 1 AND ${currentTitleSql(today)})`;
}
