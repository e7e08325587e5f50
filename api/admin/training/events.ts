/**
 * Training events and their attendee lists. Events are the city's (every staff member sees them); the people on a
 * list are shown only for firms in the actor's scope (firmScope: county officers their area, experts their team's
 * firms), and counts follow the same scope.
 */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { enterprises, serviceProviders, trainees, trainingAttendances, trainingCertificates, trainingEvents } from '../../db/schema/index.ts';
import type { TrainingTrack } from '../../domain/training.ts';
import { AppError } from '../../lib/errors.ts';
import { firmScope, type ScopeActor } from '../scope.ts';

export interface EventInput {
  track: TrainingTrack;
  title: string;
  courses: string;
  startsOn: string;
  endsOn: string;
  place: string;
  online: boolean;
  providerId: number | null;
}

export const eventNotFound = () => new AppError(404, 'not_found', { zh: '找不到该培训活动', en: 'No such training event' });

/** Events, newest first, with attendance and completion counts within the actor's scope. */
export async function listEvents(db: DbLike, actor: ScopeActor, filter: { track?: TrainingTrack | undefined; page: number; pageSize: number }) {
  const where = filter.track ? eq(trainingEvents.track, filter.track) : undefined;
  const [total] = await db.select({ n: count() }).from(trainingEvents).where(where);
  const inScope = sql`(select count(*) from ${trainingAttendances} join ${enterprises} on ${enterprises.id} = ${trainingAttendances.enterpriseId} where ${trainingAttendances.eventId} = ${trainingEvents.id} and ${firmScope(actor)}`;
  const items = await db
    .select({
      id: trainingEvents.id,
      track: trainingEvents.track,
      title: trainingEvents.title,
      startsOn: trainingEvents.startsOn,
      endsOn: trainingEvents.endsOn,
      place: trainingEvents.place,
      online: trainingEvents.online,
      provider: serviceProviders.name,
      attendees: sql<number>`${inScope})`.mapWith(Number),
      completed: sql<number>`${inScope} and ${trainingAttendances.completed} = 1)`.mapWith(Number),
    })
    .from(trainingEvents)
    .leftJoin(serviceProviders, eq(serviceProviders.id, trainingEvents.providerId))
    .where(where)
    .orderBy(desc(trainingEvents.startsOn), desc(trainingEvents.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { items, total: total?.n ?? 0 };
}

/** Creates an event (bureau staff); `providerId` must name an existing provider. */
export async function createEvent(db: DbLike, userId: number, input: EventInput) {
  if (input.endsOn < input.startsOn) throw new AppError(400, 'invalid_input', { zh: '结束日期不能早于开始日期', en: 'The end date is before the start date' });
  if (input.providerId !== null) {
    const [provider] = await db.select({ id: serviceProviders.id }).from(serviceProviders).where(eq(serviceProviders.id, input.providerId));
    if (!provider) throw new AppError(400, 'invalid_input', { zh: '找不到该服务机构', en: 'No such service provider' });
  }
  const [row] = await db.insert(trainingEvents).values({ ...input, createdBy: userId }).returning();
  return row!;
}

/** One event with the attendees of firms in scope (name, mobile, firm, completion, certificate if any). */
export async function eventWithAttendees(db: DbLike, actor: ScopeActor, id: number) {
  const [event] = await db.select().from(trainingEvents).where(eq(trainingEvents.id, id));
  if (!event) throw eventNotFound();
  const attendees = await db
    .select({
      id: trainingAttendances.id,
      traineeId: trainees.id,
      name: trainees.name,
      mobile: trainees.mobile,
      enterpriseId: enterprises.id,
      firmName: enterprises.name,
      county: enterprises.county,
      completed: trainingAttendances.completed,
      certificateId: sql<number | null>`(select ${trainingCertificates.id} from ${trainingCertificates} where ${trainingCertificates.eventId} = ${trainingAttendances.eventId} and ${trainingCertificates.traineeId} = ${trainingAttendances.traineeId} and ${trainingCertificates.revokedAt} is null order by ${trainingCertificates.id} desc limit 1)`,
    })
    .from(trainingAttendances)
    .innerJoin(trainees, eq(trainees.id, trainingAttendances.traineeId))
    .innerJoin(enterprises, eq(enterprises.id, trainingAttendances.enterpriseId))
    .where(and(eq(trainingAttendances.eventId, id), firmScope(actor)))
    .orderBy(asc(enterprises.name), asc(trainees.name));
  return { event: { ...event, createdAt: event.createdAt.toISOString(), updatedAt: event.updatedAt.toISOString() }, attendees };
}

/** Marks one attendance completed or not (firm in scope, else 404); bumps its version. */
export async function setCompletion(db: DbLike, actor: ScopeActor, attendanceId: number, completed: boolean) {
  const [row] = await db
    .select({ id: trainingAttendances.id })
    .from(trainingAttendances)
    .innerJoin(enterprises, eq(enterprises.id, trainingAttendances.enterpriseId))
    .where(and(eq(trainingAttendances.id, attendanceId), firmScope(actor)));
  if (!row) throw new AppError(404, 'not_found', { zh: '找不到该学员记录', en: 'No such attendance' });
  const [updated] = await db
    .update(trainingAttendances)
    .set({ completed, version: sql`${trainingAttendances.version} + 1` })
    .where(eq(trainingAttendances.id, attendanceId))
    .returning({ id: trainingAttendances.id, completed: trainingAttendances.completed, version: trainingAttendances.version });
  return updated!;
}
