import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { TRAINING_TRACKS } from '../../domain/training.ts';
import { timestamps } from './columns.ts';
import { enterprises } from './enterprises.ts';
import { serviceProviders } from './services.ts';
import { users } from './users.ts';

/** A training event (a course on given dates, on site or online) in one track. Dates are China dates YYYY-MM-DD. */
export const trainingEvents = sqliteTable(
  'training_events',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    track: text({ enum: TRAINING_TRACKS }).notNull(),
    title: text().notNull(),
    /** Courses taught, free text (one per line). */
    courses: text().notNull().default(''),
    startsOn: text().notNull(),
    endsOn: text().notNull(),
    /** Place, or the platform when online. */
    place: text().notNull().default(''),
    online: integer({ mode: 'boolean' }).notNull().default(false),
    /** The alliance's provider that organised it, when one did. */
    providerId: integer().references(() => serviceProviders.id, { onDelete: 'set null' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('training_events_track_idx').on(t.track, t.startsOn)],
);

/**
 * A person trained, recognised across events and years by the normalised mobile number (`mobile`, unique): the same
 * number written differently in two lists is one person, counted once toward a track's target.
 */
export const trainees = sqliteTable(
  'trainees',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    mobile: text().notNull(),
    name: text().notNull(),
    /** The firm the person last attended for. */
    enterpriseId: integer().references(() => enterprises.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('trainees_mobile_uq').on(t.mobile), index('trainees_ent_idx').on(t.enterpriseId)],
);

/** One person on one event's list: attended, and completed (结业 / passed the assessment). */
export const trainingAttendances = sqliteTable(
  'training_attendances',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    eventId: integer()
      .notNull()
      .references(() => trainingEvents.id, { onDelete: 'cascade' }),
    traineeId: integer()
      .notNull()
      .references(() => trainees.id, { onDelete: 'cascade' }),
    /** The firm the person attended for (the register's firm; scope follows it). */
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    attended: integer({ mode: 'boolean' }).notNull().default(true),
    completed: integer({ mode: 'boolean' }).notNull().default(false),
    importBatchId: integer(),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('training_attendances_uq').on(t.eventId, t.traineeId),
    index('training_attendances_trainee_idx').on(t.traineeId),
    index('training_attendances_ent_idx').on(t.enterpriseId),
  ],
);

/**
 * A certificate for a completed event (eventId set) or a completed track (eventId null). `code` is the public
 * verification code (12 characters of base32 from crypto random, 60 bits); a revoked certificate stays, marked.
 */
export const trainingCertificates = sqliteTable(
  'training_certificates',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    code: text().notNull(),
    traineeId: integer()
      .notNull()
      .references(() => trainees.id, { onDelete: 'cascade' }),
    enterpriseId: integer().references(() => enterprises.id, { onDelete: 'set null' }),
    track: text({ enum: TRAINING_TRACKS }).notNull(),
    eventId: integer().references(() => trainingEvents.id, { onDelete: 'set null' }),
    /** What the certificate states, frozen at issue (the person's name, firm and event title as printed). */
    personName: text().notNull(),
    firmName: text().notNull(),
    eventTitle: text(),
    /** China date of issue. */
    issuedOn: text().notNull(),
    issuedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    revokedAt: integer({ mode: 'timestamp_ms' }),
    revokedReason: text(),
    ...timestamps,
  },
  (t) => [uniqueIndex('training_certificates_code_uq').on(t.code), index('training_certificates_trainee_idx').on(t.traineeId)],
);

export type TrainingEvent = typeof trainingEvents.$inferSelect;
export type Trainee = typeof trainees.$inferSelect;
export type TrainingAttendance = typeof trainingAttendances.$inferSelect;
export type TrainingCertificate = typeof trainingCertificates.$inferSelect;
