import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ATTACHMENT_TYPES } from '../../attachments/check.ts';
import { timestamps } from './columns.ts';
import { enterprises } from './enterprises.ts';
import { users } from './users.ts';

/**
 * A document a firm or a staff member uploaded about one firm (an application's evidence, a request's photos, a
 * visit's report …). It belongs to the firm: whoever may see the firm may see it (firmScope), nobody else. Records
 * that use documents keep their ids (`attachmentIds`). The bytes live in DATA_DIR/private/attachments under a random
 * name, never under media/.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    uploadedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    /** The type its bytes proved to be (not what the name or the browser claimed). */
    type: text({ enum: ATTACHMENT_TYPES }).notNull(),
    /** The uploader's file name, for display (the server names the stored file). */
    name: text().notNull(),
    bytes: integer().notNull(),
    sha256: text().notNull(),
    /** File name inside the private attachments folder. */
    storedName: text().notNull(),
    ...timestamps,
  },
  (t) => [index('attachments_enterprise_idx').on(t.enterpriseId)],
);

export type Attachment = typeof attachments.$inferSelect;
