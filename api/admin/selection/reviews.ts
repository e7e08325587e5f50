/**
 * Blind expert scoring: an expert sees only the applications drawn for them and scores each alone; the other
 * experts' totals become visible to them only after they submitted their own. Submitting the last review of an
 * application aggregates the panel (trimmed mean, spread flag) onto the application.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbLike } from '../../db/client.ts';
import { enterprises, experts, selectionApplications, selectionReviews, selectionRounds } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { plainText } from '../../lib/fields.ts';
import type { Actor } from './transitions.ts';
import { aggregate, weightedTotal } from './scoring.ts';
import { PRE_EVALUATION_KEY, preEvaluationPoints } from './pre-evaluation-points.ts';

/** An expert's scores: indicator key → 0..100, and an optional comment. */
export const scoreBody = z.object({ scores: z.record(z.string().max(30), z.number().min(0).max(100)), comment: plainText(1000).default('') }).strict();

const notFound = () => new AppError(404, 'not_found', { zh: '找不到该评审任务', en: 'No such review' });

/** The expert record behind a staff account of role `expert`; 403 when there is none or it is not active. */
export async function expertOf(db: DbLike, actor: Actor): Promise<number> {
  const [row] = await db.select({ id: experts.id, status: experts.status }).from(experts).where(eq(experts.userId, actor.id));
  if (!row || row.status !== 'active') throw new AppError(403, 'not_a_reviewer', { zh: '您不是专家库中在册的评审专家', en: 'You are not an active expert of the pool' });
  return row.id;
}

/** The expert's own review tasks: `[{ id, applicationId, firm, round, submitted, total }]`, open ones first. */
export async function myReviews(db: DbLike, expertId: number) {
  const rows = await db
    .select({ id: selectionReviews.id, applicationId: selectionReviews.applicationId, firm: enterprises.name, round: selectionRounds.title, total: selectionReviews.total, submittedAt: selectionReviews.submittedAt, state: selectionApplications.state })
    .from(selectionReviews)
    .innerJoin(selectionApplications, eq(selectionApplications.id, selectionReviews.applicationId))
    .innerJoin(selectionRounds, eq(selectionRounds.id, selectionApplications.roundId))
    .innerJoin(enterprises, eq(enterprises.id, selectionApplications.enterpriseId))
    .where(eq(selectionReviews.expertId, expertId))
    .orderBy(asc(selectionReviews.submittedAt), asc(selectionReviews.id));
  return rows.map((r) => ({ ...r, submitted: r.submittedAt !== null, submittedAt: r.submittedAt?.toISOString() ?? null }));
}

/**
 * One review task with what the expert needs to score: the firm's confirmed data, the rubric, their own scores; the
 * peers' totals only once this expert submitted (blind scoring). 404 when the task is not theirs.
 */
export async function reviewTask(db: DbLike, expertId: number, reviewId: number) {
  const [row] = await db
    .select({ review: selectionReviews, app: selectionApplications, round: selectionRounds, firm: enterprises.name })
    .from(selectionReviews)
    .innerJoin(selectionApplications, eq(selectionApplications.id, selectionReviews.applicationId))
    .innerJoin(selectionRounds, eq(selectionRounds.id, selectionApplications.roundId))
    .innerJoin(enterprises, eq(enterprises.id, selectionApplications.enterpriseId))
    .where(and(eq(selectionReviews.id, reviewId), eq(selectionReviews.expertId, expertId)));
  if (!row) throw notFound();
  const submitted = row.review.submittedAt !== null;
  const fixed = await fixedScores(db, row.round, row.app.enterpriseId);
  const peers = submitted
    ? (await db.select({ total: selectionReviews.total }).from(selectionReviews).where(and(eq(selectionReviews.applicationId, row.app.id), isNotNull(selectionReviews.submittedAt)))).map((p) => p.total)
    : null;
  return {
    id: row.review.id,
    firm: row.firm,
    round: { id: row.round.id, title: row.round.title, kind: row.round.kind },
    rubric: row.round.rubric,
    data: row.app.data,
    attachmentIds: row.app.attachmentIds,
    scores: row.review.scores,
    comment: row.review.comment,
    total: row.review.total,
    submitted,
    open: row.app.state === 'expert_review',
    peerTotals: peers,
    /** Indicator scores the expert does not give (a title round's pre-evaluation points). */
    fixedScores: fixed,
  };
}

/**
 * Submits the expert's scores (once; 409 `already_submitted`), while the application is in 专家评审 (409
 * `review_closed`). When every drawn expert has submitted, the application's score, spread and flag are set.
 */
export async function submitReview(db: Db, expertId: number, reviewId: number, body: z.infer<typeof scoreBody>, now = new Date()) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ review: selectionReviews, app: selectionApplications, round: selectionRounds })
      .from(selectionReviews)
      .innerJoin(selectionApplications, eq(selectionApplications.id, selectionReviews.applicationId))
      .innerJoin(selectionRounds, eq(selectionRounds.id, selectionApplications.roundId))
      .where(and(eq(selectionReviews.id, reviewId), eq(selectionReviews.expertId, expertId)));
    if (!row) throw notFound();
    if (row.review.submittedAt) throw new AppError(409, 'already_submitted', { zh: '评分已提交，不能修改', en: 'Scores already submitted; they cannot change' });
    if (row.app.state !== 'expert_review') throw new AppError(409, 'review_closed', { zh: '该申报已不在专家评审阶段', en: 'This application is no longer in expert review' });
    const given = { ...body.scores, ...(await fixedScores(tx, row.round, row.app.enterpriseId)) };
    let total: number;
    try {
      total = weightedTotal(row.round.rubric, given);
    } catch {
      throw new AppError(400, 'invalid_input', { zh: '请为每项指标打 0–100 分', en: 'Score every indicator 0–100' });
    }
    const scores = Object.fromEntries(row.round.rubric.indicators.map((i) => [i.key, given[i.key]!]));
    await tx.update(selectionReviews).set({ scores, total, comment: body.comment, submittedAt: now }).where(eq(selectionReviews.id, reviewId));
    const all = await tx.select({ total: selectionReviews.total, submittedAt: selectionReviews.submittedAt }).from(selectionReviews).where(eq(selectionReviews.applicationId, row.app.id));
    if (all.every((r) => r.submittedAt !== null)) {
      const agg = aggregate(all.map((r) => r.total!), row.round.spreadThreshold);
      await tx.update(selectionApplications).set({ score: agg.score, spread: agg.spread, flagged: agg.flagged }).where(eq(selectionApplications.id, row.app.id));
    }
    return { total };
  });
}

/** In a title round whose rubric has the pre-evaluation indicator: its points from the register, when the firm has them. */
async function fixedScores(db: DbLike, round: { kind: string; tier: Parameters<typeof preEvaluationPoints>[2]; rubric: { indicators: { key: string }[] } }, enterpriseId: number): Promise<Record<string, number>> {
  if (round.kind !== 'title' || !round.rubric.indicators.some((i) => i.key === PRE_EVALUATION_KEY)) return {};
  const points = await preEvaluationPoints(db, enterpriseId, round.tier);
  return points === null ? {} : { [PRE_EVALUATION_KEY]: points };
}
