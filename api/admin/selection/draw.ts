/**
 * The random expert draw (随机抽取专家): reproducible from its seed, recorded on the application. An expert is never
 * drawn for a firm with a declared conflict (`expert_conflicts`) nor for a firm the expert's service team serves
 * (`service_team_firms` via `service_team_members`) — the two conflict-of-interest rules.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { expertConflicts, experts, selectionApplications, selectionReviews, serviceTeamFirms, serviceTeamMembers } from '../../db/schema/index.ts';

/** FNV-1a 32-bit hash of a string: turns a seed text into a PRNG state. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, well-mixed 32-bit PRNG; returns numbers in [0, 1). */
function mulberry32(state: number): () => number {
  let a = state;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Draws up to `count` expert ids for one application: the eligible ids (candidates minus `excluded`) sorted, then
 * shuffled by Fisher–Yates driven by mulberry32 seeded with `<seed>:<applicationId>`. Same inputs → same draw.
 */
export function drawExperts(seed: string, applicationId: number, candidates: readonly number[], excluded: ReadonlySet<number>, count: number): number[] {
  const pool = [...new Set(candidates)].filter((id) => !excluded.has(id)).sort((a, b) => a - b);
  const random = mulberry32(hash32(`${seed}:${applicationId}`));
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/** Expert ids that may not review each firm: declared conflicts plus the experts of the team serving it. */
export async function conflictsOf(db: Db, enterpriseIds: readonly number[]): Promise<Map<number, Set<number>>> {
  const out = new Map<number, Set<number>>();
  if (enterpriseIds.length === 0) return out;
  const add = (firm: number, expert: number | null) => {
    if (expert === null) return;
    if (!out.has(firm)) out.set(firm, new Set());
    out.get(firm)!.add(expert);
  };
  for (const ids of chunks(enterpriseIds, 500)) {
    const declared = await db.select({ firm: expertConflicts.enterpriseId, expert: expertConflicts.expertId }).from(expertConflicts).where(inArray(expertConflicts.enterpriseId, ids));
    const served = await db
      .select({ firm: serviceTeamFirms.enterpriseId, expert: serviceTeamMembers.expertId })
      .from(serviceTeamFirms)
      .innerJoin(serviceTeamMembers, eq(serviceTeamMembers.teamId, serviceTeamFirms.teamId))
      .where(and(inArray(serviceTeamFirms.enterpriseId, ids), isNotNull(serviceTeamMembers.expertId)));
    for (const r of [...declared, ...served]) add(r.firm, r.expert);
  }
  return out;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Experts who can review in the platform: active pool members with a staff account. */
export async function reviewerPool(db: Db): Promise<number[]> {
  const rows = await db.select({ id: experts.id }).from(experts).where(and(eq(experts.status, 'active'), isNotNull(experts.userId)));
  return rows.map((r) => r.id);
}

/**
 * Draws experts for every application of the round in 专家评审 that has none yet, recording the seed on each.
 * Returns how many applications were drawn for and how many got fewer experts than asked (pool too small).
 */
export async function drawForRound(db: Db, roundId: number, perApplication: number, seed: string): Promise<{ drawn: number; short: number }> {
  const pending = await db
    .select({ id: selectionApplications.id, enterpriseId: selectionApplications.enterpriseId })
    .from(selectionApplications)
    .leftJoin(selectionReviews, eq(selectionReviews.applicationId, selectionApplications.id))
    .where(and(eq(selectionApplications.roundId, roundId), eq(selectionApplications.state, 'expert_review'), isNull(selectionReviews.id)));
  const pool = await reviewerPool(db);
  const conflicts = await conflictsOf(db, pending.map((p) => p.enterpriseId));
  let short = 0;
  await db.transaction(async (tx) => {
    for (const app of pending) {
      const chosen = drawExperts(seed, app.id, pool, conflicts.get(app.enterpriseId) ?? new Set(), perApplication);
      if (chosen.length < perApplication) short += 1;
      if (chosen.length > 0) await tx.insert(selectionReviews).values(chosen.map((expertId) => ({ applicationId: app.id, expertId })));
      await tx.update(selectionApplications).set({ drawSeed: seed }).where(eq(selectionApplications.id, app.id));
    }
  });
  return { drawn: pending.length, short };
}
