/**
 * Training certificates: issued for a completed event or a completed track (progress.ts), printed as PDF through
 * the shared browser (lib/pdf.ts), verified publicly by code (valid / revoked / unknown), revoked with a reason.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { DbLike } from '../../db/client.ts';
import { enterprises, trainees, trainingAttendances, trainingCertificates, trainingEvents, type TrainingCertificate } from '../../db/schema/index.ts';
import { maskMobile, type TrainingTrack } from '../../domain/training.ts';
import { todayInChina } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { htmlToPdf } from '../../lib/pdf.ts';
import { firmScope, type ScopeActor } from '../scope.ts';
import { newCertificateCode, normalizeCertificateCode } from './certificate-code.ts';
import { certificateHtml, type CertificateFacts } from './certificate-html.ts';
import { completedTrack } from './progress.ts';

export type CertificateRequest = { attendanceId: number } | { traineeId: number; track: TrainingTrack };

const notFound = () => new AppError(404, 'not_found', { zh: '找不到该证书', en: 'No such certificate' });
const notCompleted = () => new AppError(409, 'training_not_completed', { zh: '该学员尚未结业，不能发证', en: 'The person has not completed it; no certificate can be issued' });

/**
 * Issues a certificate (or returns the valid one already issued for the same person and event/track): the person's
 * firm must be in the actor's scope (404 otherwise) and the event or track completed (409 `training_not_completed`).
 */
export async function issueCertificate(db: DbLike, actor: ScopeActor, request: CertificateRequest, today = todayInChina()): Promise<TrainingCertificate> {
  let facts: { traineeId: number; personName: string; enterpriseId: number; firmName: string; track: TrainingTrack; eventId: number | null; eventTitle: string | null };
  if ('attendanceId' in request) {
    const [row] = await db
      .select({ a: trainingAttendances, personName: trainees.name, firmName: enterprises.name, track: trainingEvents.track, title: trainingEvents.title })
      .from(trainingAttendances)
      .innerJoin(trainees, eq(trainees.id, trainingAttendances.traineeId))
      .innerJoin(trainingEvents, eq(trainingEvents.id, trainingAttendances.eventId))
      .innerJoin(enterprises, eq(enterprises.id, trainingAttendances.enterpriseId))
      .where(and(eq(trainingAttendances.id, request.attendanceId), firmScope(actor)));
    if (!row) throw new AppError(404, 'not_found', { zh: '找不到该学员记录', en: 'No such attendance' });
    if (!row.a.completed) throw notCompleted();
    facts = { traineeId: row.a.traineeId, personName: row.personName, enterpriseId: row.a.enterpriseId, firmName: row.firmName, track: row.track, eventId: row.a.eventId, eventTitle: row.title };
  } else {
    const [row] = await db
      .select({ t: trainees, firmName: enterprises.name })
      .from(trainees)
      .innerJoin(enterprises, eq(enterprises.id, trainees.enterpriseId))
      .where(and(eq(trainees.id, request.traineeId), firmScope(actor)));
    if (!row) throw new AppError(404, 'not_found', { zh: '找不到该学员', en: 'No such person' });
    if (!(await completedTrack(db, row.t.id, request.track))) throw notCompleted();
    facts = { traineeId: row.t.id, personName: row.t.name, enterpriseId: row.t.enterpriseId!, firmName: row.firmName, track: request.track, eventId: null, eventTitle: null };
  }
  const [existing] = await db
    .select()
    .from(trainingCertificates)
    .where(
      and(
        eq(trainingCertificates.traineeId, facts.traineeId),
        eq(trainingCertificates.track, facts.track),
        facts.eventId === null ? isNull(trainingCertificates.eventId) : eq(trainingCertificates.eventId, facts.eventId),
        isNull(trainingCertificates.revokedAt),
      ),
    )
    .orderBy(desc(trainingCertificates.id))
    .limit(1);
  if (existing) return existing;
  const [created] = await db
    .insert(trainingCertificates)
    .values({ ...facts, code: newCertificateCode(), issuedOn: today, issuedBy: actor.id })
    .returning();
  return created!;
}

/** A certificate whose firm is in the actor's scope, with the person's mobile (404 otherwise). */
export async function certificateInScope(db: DbLike, actor: ScopeActor, id: number) {
  const [row] = await db
    .select({ c: trainingCertificates, mobile: trainees.mobile })
    .from(trainingCertificates)
    .innerJoin(trainees, eq(trainees.id, trainingCertificates.traineeId))
    .innerJoin(enterprises, eq(enterprises.id, trainingCertificates.enterpriseId))
    .where(and(eq(trainingCertificates.id, id), firmScope(actor)));
  if (!row) throw notFound();
  return row;
}

/** Revokes a certificate (kept, marked with when and why); revoking twice keeps the first reason. */
export async function revokeCertificate(db: DbLike, actor: ScopeActor, id: number, reason: string) {
  const { c } = await certificateInScope(db, actor, id);
  if (c.revokedAt) return c;
  const [row] = await db.update(trainingCertificates).set({ revokedAt: new Date(), revokedReason: reason }).where(eq(trainingCertificates.id, id)).returning();
  return row!;
}

/** What the printed certificate states (also what the public page may show). */
export function certificateFacts(c: TrainingCertificate, mobile: string, publicUrl: string): CertificateFacts {
  return {
    personName: c.personName,
    maskedMobile: maskMobile(mobile),
    firmName: c.firmName,
    track: c.track,
    eventTitle: c.eventTitle,
    issuedOn: c.issuedOn,
    code: c.code,
    verifyUrl: `${publicUrl}/verify/${c.code}`,
  };
}

/** The certificate as an A4 landscape PDF (Chinese text, the code and a QR code of the verification URL). */
export async function certificatePdf(facts: CertificateFacts): Promise<Buffer> {
  const qr = await QRCode.toString(facts.verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  return htmlToPdf(certificateHtml(facts, qr), { format: 'A4', landscape: true });
}

export type Verification =
  | { status: 'unknown' }
  | { status: 'valid' | 'revoked'; certificate: Omit<CertificateFacts, 'verifyUrl'> & { revokedOn: string | null } };

/**
 * Public verification of a code (any case, with or without dashes): `unknown` for a code that is malformed,
 * altered or never issued; otherwise `valid` or `revoked` with no more than the certificate itself shows.
 */
export async function verifyCertificate(db: DbLike, input: string): Promise<Verification> {
  const code = normalizeCertificateCode(input);
  if (!code) return { status: 'unknown' };
  const [row] = await db
    .select({ c: trainingCertificates, mobile: trainees.mobile })
    .from(trainingCertificates)
    .innerJoin(trainees, eq(trainees.id, trainingCertificates.traineeId))
    .where(eq(trainingCertificates.code, code));
  if (!row) return { status: 'unknown' };
  const { verifyUrl: _url, ...facts } = certificateFacts(row.c, row.mobile, '');
  return {
    status: row.c.revokedAt ? 'revoked' : 'valid',
    certificate: { ...facts, revokedOn: row.c.revokedAt ? todayInChina(row.c.revokedAt) : null },
  };
}
