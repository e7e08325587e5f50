import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbLike } from '../../../db/client.ts';
import { enterprises, trainingAttendances, trainingEvents } from '../../../db/schema/index.ts';
import type { County } from '../../../domain/program.ts';
import { TRAINING_TRACK_NAMES, type TrainingTrack } from '../../../domain/training.ts';
import type { CountedRow, Indicator } from './types.ts';

/**
 * Rows of people who completed a training track: each person (one `trainees` row, i.e. one normalised mobile
 * number) once, in the year of their first completed event of the track (the event's start date, China time), in the
 * area of the firm they attended that event for. The same counting as the training page's progress
 * (api/admin/training/progress.ts): completing one event of a track completes it.
 */
export async function firstCompletions(db: DbLike, track: TrainingTrack): Promise<CountedRow[]> {
  const rows = await db
    .select({ id: trainingAttendances.traineeId, county: enterprises.county, startsOn: trainingEvents.startsOn })
    .from(trainingAttendances)
    .innerJoin(trainingEvents, eq(trainingEvents.id, trainingAttendances.eventId))
    .innerJoin(enterprises, eq(enterprises.id, trainingAttendances.enterpriseId))
    .where(and(eq(trainingEvents.track, track), eq(trainingAttendances.completed, true), isNull(enterprises.deletedAt)))
    .orderBy(trainingAttendances.traineeId, trainingEvents.startsOn, sql`${trainingAttendances.id}`);
  const first = new Map<number, CountedRow>();
  for (const r of rows) if (!first.has(r.id)) first.set(r.id, { id: r.id, county: r.county as County, year: Number(r.startsOn.slice(0, 4)) });
  return [...first.values()];
}

/**
 * An indicator counting people who completed a training track (targets: 1,000 数字专员 and 1,000 管理标兵,
 * PROGRAM.md). A person who completed before the plan's years does not count again within it.
 */
export function trainingIndicator(code: string, track: TrainingTrack): Indicator {
  const name = TRAINING_TRACK_NAMES[track];
  return {
    code,
    section: 'training',
    unit: 'people',
    drillKind: 'people',
    names: { zh: `培养${name.zh}`, en: `${name.en} trained` },
    rule: {
      zh: `完成“${name.zh}”培训至少一期（结业）的人数：同一手机号为同一人，只计一次，计入其首次结业那期培训的开班年度、所参训企业所在县区；规划期前已结业的不再计入。`,
      en: `People who completed at least one ${name.en} course: one mobile number is one person, counted once, in the year its first completed course started and the area of the firm it attended for; people who completed before the plan do not count again.`,
    },
    rows: (db) => firstCompletions(db, track),
  };
}

/** 数字专员 trained (target 2021–2023: 1,000). */
export const digitalCommissioners = trainingIndicator('digital_commissioners', 'digital_commissioner');

/** 管理标兵 trained (target 2021–2023: 1,000). */
export const managementExemplars = trainingIndicator('management_exemplars', 'management_exemplar');
