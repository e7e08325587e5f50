/**
 * The public notice /selection/<year> (issue 10 §6): during the 公示 the proposed list with its end date and the
 * objection contact; afterwards the final list, each selected firm linked to its hall when published. Objections
 * sent through the form are recorded for the bureau to handle.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { DbLike } from '../../db/client.ts';
import { enterprises, halls, selectionApplications, selectionObjections, selectionRounds, users } from '../../db/schema/index.ts';
import { nameSortKey } from '../../db/queries/name-sort.ts';
import { COUNTIES, type County } from '../../domain/program.ts';
import { AppError } from '../../lib/errors.ts';
import { idParam, plainText } from '../../lib/fields.ts';
import { todayInChina } from '../../lib/dates.ts';
import { noticeEnd } from './notice-period.ts';

export interface NoticeFirm {
  applicationId: number;
  name: string;
  county: County;
  state: 'notice' | 'selected' | 'recommended' | 'title_granted';
  /** /halls/<slug> when the hall is published. */
  hallSlug: string | null;
}

export interface PublicNotice {
  roundId: number;
  year: number;
  kind: 'hall' | 'title';
  title: string;
  noticeFrom: string | null;
  noticeEnd: string | null;
  /** True while today is within the notice period. */
  running: boolean;
  objectionPhone: string;
  objectionEmail: string;
  proposed: NoticeFirm[];
  final: NoticeFirm[];
}

/**
 * The notices of a year's rounds that have reached the 公示 (public); [] when none. Firms by area in the programme's
 * order of the 11 reporting areas (COUNTIES), then by name in pinyin order.
 */
export async function publicNotices(db: DbLike, year: number, today = todayInChina()): Promise<PublicNotice[]> {
  const rounds = await db
    .select()
    .from(selectionRounds)
    .where(and(eq(selectionRounds.year, year), inArray(selectionRounds.state, ['notice', 'closed'])))
    .orderBy(asc(selectionRounds.kind), asc(selectionRounds.id));
  if (rounds.length === 0) return [];
  const firms = await db
    .select({ roundId: selectionApplications.roundId, applicationId: selectionApplications.id, name: enterprises.name, county: enterprises.county, state: selectionApplications.state, slug: enterprises.slug, hall: halls.status })
    .from(selectionApplications)
    .innerJoin(enterprises, eq(enterprises.id, selectionApplications.enterpriseId))
    .leftJoin(halls, eq(halls.enterpriseId, enterprises.id))
    .where(and(inArray(selectionApplications.roundId, rounds.map((r) => r.id)), inArray(selectionApplications.state, ['notice', 'selected', 'recommended', 'title_granted'])))
    .orderBy(asc(enterprises.county), asc(enterprises.name));
  const keyOf = new Map(firms.map((f) => [f.applicationId, nameSortKey(f.name)]));
  firms.sort((a, b) => COUNTIES.indexOf(a.county) - COUNTIES.indexOf(b.county) || (keyOf.get(a.applicationId)! < keyOf.get(b.applicationId)! ? -1 : keyOf.get(a.applicationId)! > keyOf.get(b.applicationId)! ? 1 : 0));
  return rounds.map((round) => {
    const end = noticeEnd(round);
    const mine = firms.filter((f) => f.roundId === round.id).map((f) => ({ applicationId: f.applicationId, name: f.name, county: f.county, state: f.state as NoticeFirm['state'], hallSlug: f.hall === 'published' ? f.slug : null }));
    return {
      roundId: round.id,
      year: round.year,
      kind: round.kind,
      title: round.title,
      noticeFrom: round.timeline.noticeFrom,
      noticeEnd: end,
      running: !!end && !!round.timeline.noticeFrom && today >= round.timeline.noticeFrom && today <= end,
      objectionPhone: round.objectionPhone,
      objectionEmail: round.objectionEmail,
      proposed: mine.filter((f) => f.state === 'notice'),
      final: mine.filter((f) => f.state !== 'notice'),
    };
  });
}

/** An objection from the public notice's form: the round, optionally the firm on the list, name, contact, text. */
export const objectionBody = z
  .object({ roundId: idParam, applicationId: idParam.optional(), name: plainText(40, 1), contact: plainText(100, 3), text: plainText(2000, 5) })
  .strict();

/** Records an objection; only while the round's notice runs (409 `notice_closed`) and about a firm on its list. */
export async function recordObjection(db: DbLike, body: z.infer<typeof objectionBody>, today = todayInChina()) {
  const [round] = await db.select().from(selectionRounds).where(eq(selectionRounds.id, body.roundId));
  const end = round ? noticeEnd(round) : null;
  if (!round || round.state !== 'notice' || !end || !round.timeline.noticeFrom || today < round.timeline.noticeFrom || today > end) {
    throw new AppError(409, 'notice_closed', { zh: '该公示不在公示期内，无法提交异议', en: 'This notice is not running; objections are closed' });
  }
  if (body.applicationId) {
    const [app] = await db.select({ id: selectionApplications.id }).from(selectionApplications).where(and(eq(selectionApplications.id, body.applicationId), eq(selectionApplications.roundId, round.id), eq(selectionApplications.state, 'notice')));
    if (!app) throw new AppError(400, 'invalid_input', { zh: '所选企业不在公示名单中', en: 'That firm is not on the notice' });
  }
  const [row] = await db.insert(selectionObjections).values({ roundId: round.id, applicationId: body.applicationId ?? null, name: body.name, contact: body.contact, text: body.text }).returning({ id: selectionObjections.id });
  return row!;
}

/** The objections of a round, open ones first, with the firm they concern. */
export async function objectionsOf(db: DbLike, roundId: number) {
  return db
    .select({ id: selectionObjections.id, applicationId: selectionObjections.applicationId, firm: enterprises.name, name: selectionObjections.name, contact: selectionObjections.contact, text: selectionObjections.text, status: selectionObjections.status, response: selectionObjections.response, handledBy: users.displayName, createdAt: selectionObjections.createdAt })
    .from(selectionObjections)
    .leftJoin(selectionApplications, eq(selectionApplications.id, selectionObjections.applicationId))
    .leftJoin(enterprises, eq(enterprises.id, selectionApplications.enterpriseId))
    .leftJoin(users, eq(users.id, selectionObjections.handledBy))
    .where(eq(selectionObjections.roundId, roundId))
    .orderBy(desc(eq(selectionObjections.status, 'open')), asc(selectionObjections.id));
}

/** The bureau's answer to an objection. */
export const objectionHandle = z.object({ status: z.enum(['upheld', 'dismissed']), response: plainText(2000, 2) }).strict();

/** The bureau's answer to an objection (upholding it does not move the application: the bureau does that with its reason). */
export async function handleObjection(db: DbLike, userId: number, id: number, body: z.infer<typeof objectionHandle>) {
  const [row] = await db
    .update(selectionObjections)
    .set({ status: body.status, response: body.response, handledBy: userId, handledAt: new Date() })
    .where(eq(selectionObjections.id, id))
    .returning();
  if (!row) throw new AppError(404, 'not_found', { zh: '找不到该异议', en: 'No such objection' });
  return row;
}
