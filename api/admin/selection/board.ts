/** The round's board for the bureau: ranking within quotas, reviewer drift, and turning the ranking into the proposed list. */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client.ts';
import { enterprises, experts, selectionApplications, selectionReviews, type SelectionRound } from '../../db/schema/index.ts';
import { rankWithinQuota } from './ranking.ts';
import { undecidedApplications } from './rounds.ts';
import { reviewerDrift } from './scoring.ts';
import { transitionApplication, type Actor } from './transitions.ts';

const OUT_REASONS = {
  quota: '排名未进入名额 (below the quota)',
  area_quota: '所在县区名额已满 (the area quota is full)',
  excluded: '市局调整 (overridden by the bureau)',
  unscored: '评分未完成 (not scored)',
} as const;

/** The applications of the round still in ranking (专家评审 or 拟入选), ranked within the quotas with the tie rule. */
export async function rankRound(db: DbLike, round: SelectionRound) {
  const rows = await db
    .select({
      id: selectionApplications.id,
      enterpriseId: selectionApplications.enterpriseId,
      name: enterprises.name,
      county: selectionApplications.county,
      state: selectionApplications.state,
      score: selectionApplications.score,
      spread: selectionApplications.spread,
      flagged: selectionApplications.flagged,
      override: selectionApplications.override,
      overrideReason: selectionApplications.overrideReason,
      createdAt: selectionApplications.createdAt,
    })
    .from(selectionApplications)
    .innerJoin(enterprises, eq(enterprises.id, selectionApplications.enterpriseId))
    .where(and(eq(selectionApplications.roundId, round.id), inArray(selectionApplications.state, ['expert_review', 'proposed'])));
  const ranked = rankWithinQuota(
    rows.map((r) => ({ ...r, appliedAt: r.createdAt.getTime() })),
    round.quota,
    round.areaQuotas,
  );
  return ranked.map((r) => ({ id: r.item.id, enterpriseId: r.item.enterpriseId, name: r.item.name, county: r.item.county, state: r.item.state, score: r.item.score, spread: r.item.spread, flagged: r.item.flagged, override: r.item.override, overrideReason: r.item.overrideReason, rank: r.rank, proposed: r.proposed, outBecause: r.outBecause }));
}

/** Reviewer drift of the round's submitted reviews, with expert names (see scoring.ts `reviewerDrift`). */
export async function roundDrift(db: DbLike, roundId: number) {
  const rows = await db
    .select({ applicationId: selectionReviews.applicationId, expertId: selectionReviews.expertId, total: selectionReviews.total, name: experts.name })
    .from(selectionReviews)
    .innerJoin(selectionApplications, eq(selectionApplications.id, selectionReviews.applicationId))
    .innerJoin(experts, eq(experts.id, selectionReviews.expertId))
    .where(and(eq(selectionApplications.roundId, roundId), isNotNull(selectionReviews.submittedAt)));
  const names = new Map(rows.map((r) => [r.expertId, r.name]));
  return reviewerDrift(rows.map((r) => ({ applicationId: r.applicationId, expertId: r.expertId, total: r.total! })), 10, 3).map((d) => ({ ...d, name: names.get(d.expertId) ?? '' }));
}

/**
 * Applies the ranking: every scored application in 专家评审 moves to 拟入选 when within the quota, or to 未入选 with
 * the reason (below the quota, area quota full, overridden), through the workflow engine. Unscored ones stay.
 * Returns `{ proposed, notSelected, waiting }` — waiting: applications of the round still undecided afterwards.
 */
export async function proposeFromRanking(db: Db, ctx: { publicUrl: string }, actor: Actor, round: SelectionRound) {
  const ranked = await rankRound(db, round);
  let proposed = 0;
  let left = 0;
  for (const r of ranked) {
    if (r.state !== 'expert_review' || r.outBecause === 'unscored') continue;
    if (r.proposed) {
      await transitionApplication(db, ctx, actor, r.id, { to: 'proposed' });
      proposed += 1;
    } else {
      await transitionApplication(db, ctx, actor, r.id, { to: 'not_selected', reason: r.outBecause === 'excluded' ? `${OUT_REASONS.excluded}：${r.overrideReason ?? ''}` : OUT_REASONS[r.outBecause!] });
      left += 1;
    }
  }
  // Said back, so the board can tell: these were left out and wait (the round cannot go to 公示 until they are decided).
  const waiting = (await undecidedApplications(db, round.id)).reduce((sum, w) => sum + w.n, 0);
  return { proposed, notSelected: left, waiting };
}

/**
 * Moves every application of the round in `from` to `to` through the workflow engine (publishing the proposed list
 * in the notice; confirming the list once the notice has run). Stops at the first refusal (e.g. 409
 * `notice_running`), which names its rule. Returns how many moved.
 */
export async function moveAll(db: Db, ctx: { publicUrl: string }, actor: Actor, round: SelectionRound, from: 'proposed' | 'notice', to: 'notice' | 'selected' | 'recommended') {
  const ids = await db.select({ id: selectionApplications.id }).from(selectionApplications).where(and(eq(selectionApplications.roundId, round.id), eq(selectionApplications.state, from)));
  for (const { id } of ids) await transitionApplication(db, ctx, actor, id, { to });
  return { moved: ids.length };
}
