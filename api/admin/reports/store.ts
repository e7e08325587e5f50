import { and, desc, eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { publishedReports, reportDrafts, type Plan, type PublishedReport, type ReportKind, type ReportSections } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { buildSnapshot, EMPTY_SECTIONS, type ReportSnapshot } from './snapshot.ts';

/** The bureau's draft sections of a report (empty when none written yet). */
export async function draftOf(db: DbLike, kind: ReportKind, year: number): Promise<{ sections: ReportSections; version: number }> {
  const [row] = await db.select().from(reportDrafts).where(and(eq(reportDrafts.kind, kind), eq(reportDrafts.year, year)));
  return row ? { sections: row.sections, version: row.version } : { sections: EMPTY_SECTIONS, version: 0 };
}

/** Saves the draft sections; 409 when `version` is not the stored one (two people editing the same draft). */
export async function saveDraft(db: DbLike, input: { kind: ReportKind; year: number; plan: Plan; sections: ReportSections; version: number }) {
  const current = await draftOf(db, input.kind, input.year);
  if (current.version !== input.version) {
    throw new AppError(409, 'version_conflict', { zh: '草稿已被他人修改，请刷新后再编辑', en: 'Someone else changed the draft; reload it first' }, { current });
  }
  if (current.version === 0) {
    await db.insert(reportDrafts).values({ kind: input.kind, year: input.year, planId: input.plan.id, sections: input.sections });
  } else {
    await db
      .update(reportDrafts)
      .set({ sections: input.sections, version: current.version + 1 })
      .where(and(eq(reportDrafts.kind, input.kind), eq(reportDrafts.year, input.year)));
  }
  return { version: current.version + 1 };
}

/** Published versions of a report, newest first. */
export function publishedVersions(db: DbLike, kind: ReportKind, year: number): Promise<PublishedReport[]> {
  return db.select().from(publishedReports).where(and(eq(publishedReports.kind, kind), eq(publishedReports.year, year))).orderBy(desc(publishedReports.version));
}

/** One published version (the newest without `version`), or null. */
export async function publishedReport(db: DbLike, kind: ReportKind, year: number, version?: number): Promise<PublishedReport | null> {
  const all = await publishedVersions(db, kind, year);
  return (version === undefined ? all[0] : all.find((r) => r.version === version)) ?? null;
}

/**
 * Publishes the report: computes the figures now, freezes them with the draft's sections as the next version
 * (1, 2, …) in one transaction. Earlier versions stay as they were.
 */
export async function publishReport(db: DbLike, input: { kind: ReportKind; year: number; plan: Plan; note: string; userId: number | null; now?: Date }): Promise<PublishedReport> {
  const now = input.now ?? new Date();
  const { sections } = await draftOf(db, input.kind, input.year);
  const snapshot = await buildSnapshot(db, input.kind, input.year, input.plan, sections, now);
  const [latest] = await publishedVersions(db, input.kind, input.year);
  // A correction says what it corrects: the public page and the PDF list versions with their notes.
  if (latest && input.note.trim().length < 2) {
    throw new AppError(400, 'correction_note_required', { zh: '发布更正版本时请说明更正了什么', en: 'Say what a corrected version corrects' });
  }
  const [row] = await db
    .insert(publishedReports)
    .values({ kind: input.kind, year: input.year, version: (latest?.version ?? 0) + 1, planId: input.plan.id, snapshot, note: input.note, publishedAt: now, publishedBy: input.userId })
    .returning();
  return row!;
}

/** The snapshot stored in a published row, typed. */
export const snapshotOf = (row: PublishedReport) => row.snapshot as ReportSnapshot;
