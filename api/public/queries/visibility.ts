import { sql, type SQL } from 'drizzle-orm';
import { enterprises, halls } from '../../db/schema/index.ts';

/**
 * The one rule for what the public site shows: a published hall of a firm that is not in the register's trash.
 * Every public query that lists or opens halls (and their listings) uses it.
 */
export const visibleHall: SQL = sql`(${halls.status} = 'published' AND ${halls.enterpriseId} NOT IN (SELECT ${enterprises.id} FROM ${enterprises} WHERE ${enterprises.deletedAt} IS NOT NULL))`;
