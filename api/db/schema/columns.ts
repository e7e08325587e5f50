import { integer } from 'drizzle-orm/sqlite-core';

/** created_at / updated_at in milliseconds, set by the application so libSQL servers and files agree. */
export const timestamps = {
  createdAt: integer({ mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date()),
  updatedAt: integer({ mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date()),
};
