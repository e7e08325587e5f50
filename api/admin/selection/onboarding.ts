/**
 * What 入选 sets off for a hall round (issue 10 §7): the cohort selection row, the firm's hall as a draft, and a
 * message through the outbox — to the firm's portal users, or an invitation to the register's contact e-mail when
 * the firm has no user yet. Runs inside the transition's transaction.
 */
import { and, eq } from 'drizzle-orm';
import { createInvitation } from '../../auth/invitations.ts';
import type { DbLike } from '../../db/client.ts';
import { cohortSelections, cohorts, enterprises, halls, users, type SelectionApplication, type SelectionRound } from '../../db/schema/index.ts';
import { enqueueMail } from '../../mail/index.ts';

/** The cohort of a year, created on first use (title `<year>年度千企在线展馆`). */
export async function cohortOfYear(tx: DbLike, year: number): Promise<number> {
  const [found] = await tx.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.year, year));
  if (found) return found.id;
  const [made] = await tx.insert(cohorts).values({ year, title: `${year}年度千企在线展馆` }).returning({ id: cohorts.id });
  return made!.id;
}

/**
 * Writes the cohort selection, creates the hall as a draft when the firm has none, and queues the notice (or an
 * invitation). Returns the hall id and the number of messages queued.
 */
export async function onboardSelectedFirm(tx: DbLike, round: SelectionRound, app: SelectionApplication, publicUrl: string): Promise<{ hallId: number; mails: number }> {
  const cohortId = await cohortOfYear(tx, round.year);
  await tx
    .insert(cohortSelections)
    .values({ cohortId, enterpriseId: app.enterpriseId, applicationId: app.id })
    .onConflictDoUpdate({ target: [cohortSelections.cohortId, cohortSelections.enterpriseId], set: { applicationId: app.id } });
  let [hall] = await tx.select({ id: halls.id }).from(halls).where(eq(halls.enterpriseId, app.enterpriseId));
  if (!hall) [hall] = await tx.insert(halls).values({ enterpriseId: app.enterpriseId, status: 'draft' }).returning({ id: halls.id });
  const [firm] = await tx.select().from(enterprises).where(eq(enterprises.id, app.enterpriseId));
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.enterpriseId, app.enterpriseId), eq(users.disabled, false)));
  const subject = `入选${round.year}年度千企在线展馆 · Selected for the ${round.year} online halls`;
  const body = (link: string) =>
    `${firm!.name}：\n\n贵企业已正式入选${round.year}年度千企在线展馆。展馆已创建为草稿，请登录后上传展厅360°全景照片、设置热点并填写产品、岗位和项目，完成后发布。\n${link}\n\n入选及建馆均免费，无需任何中介。\n\n` +
    `Your firm has been selected for the ${round.year} online exhibition halls. Your hall exists as a draft: sign in, upload 360° photos of your showroom, add hotspots, products, jobs and projects, then publish it.\n${link}\n\nSelection and the hall are free of charge; no intermediary is needed.`;
  let mails = 0;
  for (const person of people) {
    await enqueueMail(tx, { to: person.email, subject, text: body(`${publicUrl}/portal`), kind: 'selection_selected', userId: person.id });
    mails += 1;
  }
  if (people.length === 0 && firm?.contactEmail) {
    const { token } = await createInvitation(tx, { role: 'enterprise', enterpriseId: app.enterpriseId, email: firm.contactEmail });
    await enqueueMail(tx, { to: firm.contactEmail, subject, text: body(`${publicUrl}/portal/invite/${token}`), kind: 'selection_invitation' });
    mails += 1;
  }
  return { hallId: hall!.id, mails };
}
