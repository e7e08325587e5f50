import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, makeEnterprise, makeUser, type TestContext } from '../../testing.ts';
import { cohortSelections, halls, mailOutbox, selectionApplications, selectionHistory, serviceTeamFirms, serviceTeamMembers, serviceTeams, tierRecognitions, type Role } from '../../db/schema/index.ts';
import { APPLICATION_STATES, ROUND_KINDS, type ApplicationState, type RoundKind } from '../../domain/selection.ts';
import { AppError } from '../../lib/errors.ts';
import { makeApplication, makeExpert, makeRound } from './factories.ts';
import { transitionApplication, type Actor } from './transitions.ts';
import { WORKFLOW } from './workflow.ts';

let ctx: TestContext;
const actors = {} as Record<Role, Actor>;
let firm: Awaited<ReturnType<typeof makeEnterprise>>;
const rounds = {} as Record<RoundKind, Awaited<ReturnType<typeof makeRound>>>;

beforeAll(async () => {
  ctx = await createTestContext();
  firm = await makeEnterprise(ctx.db, { county: 'linqing', contactEmail: 'firm@example.org' });
  const firmUser = await makeUser(ctx.db, { enterpriseId: firm.id });
  const county = await makeUser(ctx.db, { role: 'county', county: 'linqing' });
  const bureau = await makeUser(ctx.db, { role: 'bureau' });
  const admin = await makeUser(ctx.db, { role: 'admin' });
  const { user: expertUser, expert } = await makeExpert(ctx.db);
  // The expert's team serves the firm, so the expert sees it (and is refused by role, not by scope).
  const [team] = await ctx.db.insert(serviceTeams).values({ number: 3, name: '第三服务团' }).returning();
  await ctx.db.insert(serviceTeamMembers).values({ teamId: team!.id, expertId: expert.id, role: 'lead' });
  await ctx.db.insert(serviceTeamFirms).values({ teamId: team!.id, enterpriseId: firm.id });
  for (const u of [firmUser, county, bureau, admin, expertUser]) actors[u.role] = u;
  rounds.hall = await makeRound(ctx.db, { kind: 'hall', noticeFrom: '2026-06-01' });
  rounds.title = await makeRound(ctx.db, { kind: 'title', noticeFrom: '2026-06-01' });
});
afterAll(() => ctx.cleanup());

const ROLES: Role[] = ['enterprise', 'county', 'expert', 'bureau', 'admin'];

/** The answer the table gives: 'ok', 403 or 409. */
function expected(from: ApplicationState, to: ApplicationState, role: Role, kind: RoundKind): 'ok' | 403 | 409 {
  const move = WORKFLOW[from].find((t) => t.to === to && (!t.kinds || t.kinds.includes(kind)));
  if (!move) return 409;
  return move.roles.includes(role) ? 'ok' : 403;
}

async function attempt(kind: RoundKind, from: ApplicationState, to: ApplicationState, role: Role) {
  await ctx.db.delete(selectionApplications).where(eq(selectionApplications.enterpriseId, firm.id));
  await ctx.db.delete(tierRecognitions).where(eq(tierRecognitions.enterpriseId, firm.id));
  const app = await makeApplication(ctx.db, rounds[kind], firm, from, { score: 80 });
  try {
    const next = await transitionApplication(ctx.db, { publicUrl: 'http://x' }, actors[role], app.id, { to, reason: '材料不全，请补充 (more needed)', documentNo: '鲁工信字〔2026〕12号' }, { today: '2026-12-31' });
    return { result: 'ok' as const, next };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { result: e.status as 403 | 409, error: e };
  }
}

describe('the workflow table, every state × target × role × kind', () => {
  for (const kind of ROUND_KINDS) {
    for (const from of APPLICATION_STATES) {
      it(`${kind}: from ${from}`, async () => {
        for (const to of APPLICATION_STATES) {
          if (to === from) continue;
          for (const role of ROLES) {
            const want = expected(from, to, role, kind);
            const got = await attempt(kind, from, to, role);
            expect(`${kind} ${from}→${to} as ${role}: ${got.result}`).toBe(`${kind} ${from}→${to} as ${role}: ${want}`);
            if (got.result === 'ok') {
              expect(got.next!.state).toBe(to);
              const [h] = await ctx.db.select().from(selectionHistory).where(eq(selectionHistory.applicationId, got.next!.id));
              expect(h).toMatchObject({ fromState: from, toState: to, role, userId: actors[role].id });
            } else {
              // The refusal names the rule that refused it.
              expect((got.error!.details as { rule: string }).rule).toBe(`${from} → ${to}`);
              expect(got.error!.code).toBe(got.result === 403 ? 'transition_forbidden' : 'illegal_transition');
            }
          }
        }
      });
    }
  }
});

describe('guards and side effects', () => {
  it('asks for a reason where the table says so', async () => {
    const app = await makeApplication(ctx.db, rounds.hall, await makeEnterprise(ctx.db, { county: 'linqing' }), 'submitted');
    await expect(transitionApplication(ctx.db, { publicUrl: 'http://x' }, actors.county, app.id, { to: 'returned' })).rejects.toMatchObject({ status: 400, code: 'reason_required' });
  });

  it('refuses a county officer of another area as if the application did not exist', async () => {
    const other = await makeUser(ctx.db, { role: 'county', county: 'chiping' });
    const app = await makeApplication(ctx.db, rounds.hall, await makeEnterprise(ctx.db, { county: 'linqing' }), 'submitted');
    await expect(transitionApplication(ctx.db, { publicUrl: 'http://x' }, other, app.id, { to: 'city_review' })).rejects.toMatchObject({ status: 404 });
  });

  it('keeps 入选 until the notice period has run its five working days', async () => {
    const f = await makeEnterprise(ctx.db, { county: 'linqing' });
    const app = await makeApplication(ctx.db, rounds.hall, f, 'notice');
    // Notice from Mon 2026-06-01: five working days end Fri 06-05.
    await expect(transitionApplication(ctx.db, { publicUrl: 'http://x' }, actors.bureau, app.id, { to: 'selected' }, { today: '2026-06-05' })).rejects.toMatchObject({ status: 409, code: 'notice_running' });
    await transitionApplication(ctx.db, { publicUrl: 'http://x' }, actors.bureau, app.id, { to: 'selected' }, { today: '2026-06-08' });
  });

  it('refuses 拟入选 before every expert submitted', async () => {
    const app = await makeApplication(ctx.db, rounds.hall, await makeEnterprise(ctx.db, { county: 'linqing' }), 'expert_review');
    await expect(transitionApplication(ctx.db, { publicUrl: 'http://x' }, actors.bureau, app.id, { to: 'proposed' })).rejects.toMatchObject({ status: 409, code: 'scores_incomplete' });
  });

  it('on 入选 writes the cohort, creates the hall as a draft and queues the firm a message', async () => {
    const f = await makeEnterprise(ctx.db, { county: 'linqing' });
    const user = await makeUser(ctx.db, { enterpriseId: f.id, email: 'owner@firm.example' });
    const app = await makeApplication(ctx.db, rounds.hall, f, 'notice');
    await transitionApplication(ctx.db, { publicUrl: 'http://x' }, actors.bureau, app.id, { to: 'selected' }, { today: '2026-12-31' });
    const [hall] = await ctx.db.select().from(halls).where(eq(halls.enterpriseId, f.id));
    expect(hall!.status).toBe('draft');
    const [sel] = await ctx.db.select().from(cohortSelections).where(eq(cohortSelections.enterpriseId, f.id));
    expect(sel!.applicationId).toBe(app.id);
    const mail = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.userId, user.id));
    expect(mail.map((m) => m.kind)).toEqual(['selection_selected']);
  });

  it('on 已获认定 records the title into the ledger with its document number', async () => {
    const f = await makeEnterprise(ctx.db, { county: 'linqing' });
    const app = await makeApplication(ctx.db, rounds.title, f, 'recommended');
    await expect(transitionApplication(ctx.db, { publicUrl: 'http://x' }, actors.bureau, app.id, { to: 'title_granted' })).rejects.toMatchObject({ status: 400, code: 'document_required' });
    await transitionApplication(ctx.db, { publicUrl: 'http://x' }, actors.bureau, app.id, { to: 'title_granted', documentNo: '鲁工信字〔2026〕88号', issuingBody: '山东省工业和信息化厅' });
    const [title] = await ctx.db.select().from(tierRecognitions).where(eq(tierRecognitions.enterpriseId, f.id));
    expect(title).toMatchObject({ tier: 'srdi', level: 'provincial', year: 2026, documentNo: '鲁工信字〔2026〕88号' });
  });
});
