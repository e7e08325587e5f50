/**
 * Progress toward the training targets (TRAINING_TARGETS): the number of distinct people who completed a track.
 * A person (one mobile number) completes a track by completing at least one of its events — attending two courses
 * of a track, or the same course in two years, still counts once.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { enterprises, trainingAttendances, trainingEvents } from '../../db/schema/index.ts';
import { TRAINING_TARGETS, TRAINING_TRACKS, type TrainingTrack } from '../../domain/training.ts';
import { firmScope, type ScopeActor } from '../scope.ts';

export interface TrackProgress {
  track: TrainingTrack;
  /** Distinct people who completed the track (within the actor's scope). */
  completers: number;
  /** Distinct people who attended an event of the track. */
  attendees: number;
  events: number;
  target: number;
}

/** Per track: distinct completers and attendees (firms in scope) against the city's target. */
export async function trackProgress(db: DbLike, actor: ScopeActor): Promise<TrackProgress[]> {
  const rows = await db
    .select({
      track: trainingEvents.track,
      completers: sql<number>`count(distinct case when ${trainingAttendances.completed} = 1 then ${trainingAttendances.traineeId} end)`.mapWith(Number),
      attendees: sql<number>`count(distinct ${trainingAttendances.traineeId})`.mapWith(Number),
    })
    .from(trainingAttendances)
    .innerJoin(trainingEvents, eq(trainingEvents.id, trainingAttendances.eventId))
    .innerJoin(enterprises, eq(enterprises.id, trainingAttendances.enterpriseId))
    .where(and(firmScope(actor)))
    .groupBy(trainingEvents.track);
  const events = await db.select({ track: trainingEvents.track, n: sql<number>`count(*)`.mapWith(Number) }).from(trainingEvents).groupBy(trainingEvents.track);
  return TRAINING_TRACKS.map((track) => {
    const row = rows.find((r) => r.track === track);
    return { track, completers: row?.completers ?? 0, attendees: row?.attendees ?? 0, events: events.find((e) => e.track === track)?.n ?? 0, target: TRAINING_TARGETS[track] };
  });
}

/** Whether a person completed the track (at least one completed event of it). */
export async function completedTrack(db: DbLike, traineeId: number, track: TrainingTrack): Promise<boolean> {
  const [row] = await db
    .select({ id: trainingAttendances.id })
    .from(trainingAttendances)
    .innerJoin(trainingEvents, eq(trainingEvents.id, trainingAttendances.eventId))
    .where(and(eq(trainingAttendances.traineeId, traineeId), eq(trainingEvents.track, track), eq(trainingAttendances.completed, true)))
    .limit(1);
  return Boolean(row);
}
