/**
 * Demo selection rounds: the hall cohorts of 2021–2025 (closed, up to 200 selected each as the register allows, most
 * halls published — their scenes reuse the demo showrooms' pyramids, which content addressing makes free) and the
 * current year's round mid-way: applications at every stage, experts half done. Fictional, like all demo data.
 */
import { and, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { DbLike } from '../../api/db/client.ts';
import {
  cohortSelections,
  enterprises,
  enterprisePanoramas,
  experts,
  halls,
  hotspots,
  scenes,
  selectionApplications,
  selectionHistory,
  selectionReviews,
  selectionRounds,
  serviceTeamFirms,
  serviceTeamMembers,
  users,
} from '../../api/db/schema/index.ts';
import { HALL_RUBRIC, TITLE_RUBRIC, type ApplicationState } from '../../api/domain/selection.ts';
import { cohortOfYear } from '../../api/admin/selection/onboarding.ts';
import { prefill } from '../../api/admin/selection/applications.ts';
import { drawExperts } from '../../api/admin/selection/draw.ts';
import { aggregate, weightedTotal } from '../../api/admin/selection/scoring.ts';

const chunks = <T>(rows: T[], size: number): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));

/** A small deterministic PRNG (mulberry32) so the demo is the same on every start. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** At most this many demo reviewer accounts: pool experts outside any team (ten in the demo pool), each given a staff account of role `expert`. */
export const DEMO_REVIEWERS = 12;

const timeline = (year: number, noticeFrom: string | null) => ({
  applyFrom: `${year}-03-01`,
  applyTo: `${year}-04-30`,
  countyDue: `${year}-05-20`,
  cityDue: `${year}-06-10`,
  expertDue: `${year}-07-10`,
  noticeFrom,
});

/**
 * Inserts the demo rounds in the caller's transaction. Needs the register, the service pool and the demo halls'
 * panoramas (`panoramaIds`: content addresses to reuse). With `cohortHalls` false the cohorts' halls stay drafts
 * (DEMO_COHORT_HALLS=0: browser tests that count the 12 demo halls). Returns the numbers inserted.
 */
export async function insertDemoSelection(db: DbLike, thisYear: number, panoramaIds: readonly string[], passwordHash: string, cohortHalls = true) {
  const random = prng(2026);
  const withHall = (await db.select({ id: halls.enterpriseId }).from(halls)).map((h) => h.id);
  const firms = await db
    .select({ id: enterprises.id, county: enterprises.county })
    .from(enterprises)
    .where(and(isNull(enterprises.deletedAt), withHall.length ? notInArray(enterprises.id, withHall) : undefined))
    .orderBy(enterprises.id);
  // The current round takes a quarter of the register at most (264 applications with the default 1,000 firms), the
  // five closed cohorts share the rest: 135 a year with 1,000 firms, the full 200 from DEMO_REGISTER_FIRMS=1400 or so.
  const stageSizes: [ApplicationState, number][] = [
    ['submitted', 40],
    ['returned', 12],
    ['county_declined', 10],
    ['city_review', 40],
    ['city_declined', 8],
    ['expert_review', 150],
    ['withdrawn', 4],
  ];
  const full = stageSizes.reduce((s, [, n]) => s + n, 0);
  const scale = Math.min(1, Math.floor(firms.length / 4) / full);
  const stages = stageSizes.map(([state, n]) => [state, Math.max(1, Math.round(n * scale))] as const);
  const currentSize = stages.reduce((s, [, n]) => s + n, 0);
  // A tenth of the register never applied (room for this year's late entries and nominations).
  const perYear = Math.max(0, Math.min(200, Math.floor(((firms.length - currentSize) * 0.9) / 5)));
  let next = 0;
  let selected = 0;
  let published = 0;

  for (let year = 2021; year <= 2025; year += 1) {
    const [round] = await db
      .insert(selectionRounds)
      .values({ year, kind: 'hall', title: `${year}年度千企在线展馆遴选`, quota: 200, timeline: timeline(year, `${year}-07-20`), rubric: HALL_RUBRIC, rubricFrozenAt: new Date(`${year}-03-01T00:00:00Z`), state: 'closed', objectionPhone: '0635-0000000', objectionEmail: 'selection@bureau.demo.qianqi.example' })
      .returning();
    const cohortId = await cohortOfYear(db, year);
    const chosen = firms.slice(next, next + perYear);
    next += perYear;
    if (chosen.length === 0) continue;
    const decided = new Date(`${year}-08-01T02:00:00Z`);
    const apps = await db
      .insert(selectionApplications)
      .values(chosen.map((f) => ({ roundId: round!.id, enterpriseId: f.id, origin: random() < 0.7 ? ('applied' as const) : ('nominated' as const), state: 'selected' as const, county: f.county, score: Math.round((70 + random() * 25) * 100) / 100, spread: Math.round(random() * 15 * 100) / 100, freeNoticeConfirmed: true, stateChangedAt: decided })))
      .returning({ id: selectionApplications.id, enterpriseId: selectionApplications.enterpriseId });
    for (const batch of chunks(apps, 200)) {
      await db.insert(selectionHistory).values(batch.map((a) => ({ applicationId: a.id, fromState: 'notice' as const, toState: 'selected' as const, role: 'bureau', at: decided })));
      await db.insert(cohortSelections).values(batch.map((a) => ({ cohortId, enterpriseId: a.enterpriseId, applicationId: a.id })));
    }
    // Older cohorts are almost all built; the newest still has some halls under construction.
    const share = year === 2025 ? 0.72 : 0.93;
    for (const a of apps) {
      const live = cohortHalls && random() < share && panoramaIds.length > 0;
      const [hall] = await db.insert(halls).values({ enterpriseId: a.enterpriseId, status: live ? 'published' : 'draft', publishedAt: live ? decided : null }).returning({ id: halls.id });
      selected += 1;
      if (!live) continue;
      published += 1;
      const pair = [panoramaIds[Math.floor(random() * panoramaIds.length)]!, panoramaIds[Math.floor(random() * panoramaIds.length)]!];
      await db.insert(enterprisePanoramas).values([...new Set(pair)].map((panoramaId) => ({ enterpriseId: a.enterpriseId, panoramaId }))).onConflictDoNothing();
      const rows = await db
        .insert(scenes)
        .values(pair.map((panoramaId, position) => ({ hallId: hall!.id, position, title: position === 0 ? '展厅' : '生产车间', titleEn: position === 0 ? 'Showroom' : 'Workshop', panoramaId, initialPitch: -5 })))
        .returning({ id: scenes.id });
      await db.insert(hotspots).values([
        { sceneId: rows[0]!.id, kind: 'scene', yaw: 60, pitch: -8, label: '生产车间', targetSceneId: rows[1]!.id },
        { sceneId: rows[1]!.id, kind: 'scene', yaw: -120, pitch: -8, label: '展厅', targetSceneId: rows[0]!.id },
      ]);
    }
  }

  // Reviewers: pool experts outside every team get demo staff accounts; the demo expert (lead of team 3) reviews too.
  const teamExperts = (await db.select({ id: serviceTeamMembers.expertId }).from(serviceTeamMembers)).map((r) => r.id).filter((id): id is number => id !== null);
  const free = await db.select({ id: experts.id, name: experts.name }).from(experts).where(and(isNull(experts.userId), teamExperts.length ? notInArray(experts.id, teamExperts) : undefined)).orderBy(experts.id).limit(DEMO_REVIEWERS);
  for (const [i, e] of free.entries()) {
    const [u] = await db
      .insert(users)
      .values({ email: `reviewer${String(i + 1).padStart(2, '0')}@demo.qianqi.example`, displayName: `${e.name}（演示专家）`, role: 'expert', passwordHash, demo: true })
      .returning({ id: users.id });
    await db.update(experts).set({ userId: u!.id, status: 'active' }).where(eq(experts.id, e.id));
  }
  await db.update(experts).set({ status: 'active' }).where(inArray(experts.id, (await db.select({ id: experts.id }).from(experts).innerJoin(users, eq(users.id, experts.userId))).map((r) => r.id)));
  const pool = (await db.select({ id: experts.id }).from(experts).where(and(eq(experts.status, 'active'))).innerJoin(users, eq(users.id, experts.userId))).map((r) => r.id);

  // A title recommendation open for applications, so demo firms can apply from the portal.
  await db.insert(selectionRounds).values({ year: thisYear, kind: 'title', tier: 'srdi', level: 'provincial', title: `${thisYear}年省级专精特新中小企业推荐`, quota: 60, timeline: { ...timeline(thisYear, null), applyFrom: `${thisYear}-09-01`, applyTo: `${thisYear}-12-31`, countyDue: `${thisYear}-12-31`, cityDue: `${thisYear}-12-31`, expertDue: `${thisYear}-12-31` }, rubric: TITLE_RUBRIC, rubricFrozenAt: new Date(`${thisYear}-09-01T00:00:00Z`), state: 'open', objectionPhone: '0635-0000000', objectionEmail: 'selection@bureau.demo.qianqi.example' });

  // The current year's round, mid-way.
  const [current] = await db
    .insert(selectionRounds)
    .values({ year: thisYear, kind: 'hall', title: `${thisYear}年度千企在线展馆遴选`, quota: 200, timeline: timeline(thisYear, null), rubric: HALL_RUBRIC, rubricFrozenAt: new Date(`${thisYear}-03-01T00:00:00Z`), state: 'review', objectionPhone: '0635-0000000', objectionEmail: 'selection@bureau.demo.qianqi.example' })
    .returning();
  const entrants = firms.slice(next, next + currentSize);
  const states = stages.flatMap(([state, n]) => Array<ApplicationState>(n).fill(state)).slice(0, entrants.length);
  const created = new Date(`${thisYear}-04-10T02:00:00Z`);
  if (entrants.length === 0) return { rounds: 7, selected, published, current: 0, reviewers: pool.length };
  // What each firm confirmed: the register's data, as the portal pre-fills it.
  const data = await Promise.all(entrants.map(async (f) => ({ ...(await prefill(db, f.id)), statement: '希望通过线上展馆展示产品与车间，拓展客户与招聘渠道。' })));
  const apps = await db
    .insert(selectionApplications)
    .values(entrants.map((f, i) => ({ roundId: current!.id, enterpriseId: f.id, data: data[i]!, origin: i % 4 === 0 ? ('nominated' as const) : ('applied' as const), state: states[i]!, county: f.county, freeNoticeConfirmed: i % 4 !== 0, stateChangedAt: created, lastReason: states[i] === 'returned' ? '请补充近两年财务报表 (please add the last two years’ accounts)' : states[i]!.endsWith('declined') ? '不符合申报条件 (does not meet the conditions)' : null, drawSeed: states[i] === 'expert_review' ? `${thisYear}-demo` : null })))
    .returning({ id: selectionApplications.id, enterpriseId: selectionApplications.enterpriseId, state: selectionApplications.state });
  for (const batch of chunks(apps, 200)) {
    await db.insert(selectionHistory).values(batch.map((a) => ({ applicationId: a.id, fromState: null, toState: 'submitted' as const, role: 'enterprise', at: created })));
    const moved = batch.filter((a) => a.state !== 'submitted');
    if (moved.length) await db.insert(selectionHistory).values(moved.map((a) => ({ applicationId: a.id, fromState: 'submitted' as const, toState: a.state, role: 'county', at: new Date(created.getTime() + 86_400_000 * 20) })));
  }
  // Experts: drawn without conflicts (team members of the firm's team); about half the reviews submitted.
  const inReview = apps.filter((a) => a.state === 'expert_review');
  const teamOfFirm = await db
    .select({ firm: serviceTeamFirms.enterpriseId, expert: serviceTeamMembers.expertId })
    .from(serviceTeamFirms)
    .innerJoin(serviceTeamMembers, eq(serviceTeamMembers.teamId, serviceTeamFirms.teamId))
    .where(inArray(serviceTeamFirms.enterpriseId, inReview.length ? inReview.map((a) => a.enterpriseId) : [0]));
  const excluded = new Map<number, Set<number>>();
  for (const r of teamOfFirm) if (r.expert !== null) excluded.set(r.firm, (excluded.get(r.firm) ?? new Set()).add(r.expert));
  const generosity = new Map(pool.map((id, i) => [id, i === 0 ? 14 : (random() - 0.5) * 6]));
  for (const [k, a] of inReview.entries()) {
    const panel = drawExperts(`${thisYear}-demo`, a.id, pool, excluded.get(a.enterpriseId) ?? new Set(), 5);
    const quality = 55 + random() * 35;
    const doneCount = k < inReview.length / 2 ? panel.length : Math.floor(random() * panel.length);
    const rows = panel.map((expertId, j) => {
      if (j >= doneCount) return { applicationId: a.id, expertId };
      const s = Math.max(0, Math.min(100, quality + generosity.get(expertId)! + (random() - 0.5) * 12));
      const scores = Object.fromEntries(HALL_RUBRIC.indicators.map((ind) => [ind.key, Math.round(Math.max(0, Math.min(100, s + (random() - 0.5) * 10)))]));
      return { applicationId: a.id, expertId, scores, total: weightedTotal(HALL_RUBRIC, scores), submittedAt: new Date(created.getTime() + 86_400_000 * 40) };
    });
    if (rows.length) await db.insert(selectionReviews).values(rows);
    if (doneCount === panel.length && panel.length > 0) {
      const agg = aggregate(rows.map((r) => ('total' in r ? r.total! : 0)), 20);
      await db.update(selectionApplications).set(agg).where(eq(selectionApplications.id, a.id));
    }
  }
  return { rounds: 7, selected, published, current: apps.length, reviewers: pool.length };
}
