import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { OUTCOME_SOURCES, OUTCOME_TYPES } from '../../domain/outcomes.ts';
import { timestamps } from './columns.ts';
import { enterprises } from './enterprises.ts';
import { leads } from './leads.ts';
import { users } from './users.ts';

/**
 * One entry of the 千企服务成果数据库: what a firm gained (type, value in the type's unit — see OUTCOME_UNITS) and
 * what produced it (`sourceKind` + `sourceId`: a request, a visit or a training event; no foreign key, as requests
 * and visits live in the services tables). Unverified until the bureau records `verifiedBy` / `verifiedAt`.
 */
export const serviceOutcomes = sqliteTable(
  'service_outcomes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    type: text({ enum: OUTCOME_TYPES }).notNull(),
    value: real().notNull(),
    /** China date the outcome was achieved. */
    achievedOn: text().notNull(),
    description: text().notNull().default(''),
    sourceKind: text({ enum: OUTCOME_SOURCES }),
    sourceId: integer(),
    /** The hall lead a `lead_deal` came from. */
    leadId: integer().references(() => leads.id, { onDelete: 'set null' }),
    /** Evidence: ids of the firm's attachments. */
    attachmentIds: text({ mode: 'json' }).$type<number[]>().notNull().default([]),
    recordedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    verifiedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    verifiedAt: integer({ mode: 'timestamp_ms' }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('service_outcomes_ent_idx').on(t.enterpriseId),
    index('service_outcomes_type_idx').on(t.type, t.achievedOn),
    index('service_outcomes_source_idx').on(t.sourceKind, t.sourceId),
  ],
);

export type ServiceOutcome = typeof serviceOutcomes.$inferSelect;
