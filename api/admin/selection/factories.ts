/** Test factories of the selection area: rounds, experts with staff accounts, applications in a given state. */
import type { DbLike } from '../../db/client.ts';
import { experts, selectionApplications, selectionRounds, type SelectionRound } from '../../db/schema/index.ts';
import type { ApplicationState } from '../../domain/selection.ts';
import { HALL_RUBRIC, TITLE_RUBRIC } from '../../domain/selection.ts';
import { makeUser } from '../../testing.ts';

/** A round (hall by default) in the given phase, quota 200, notice from `noticeFrom` (default unscheduled). */
export async function makeRound(db: DbLike, over: Partial<typeof selectionRounds.$inferInsert> & { noticeFrom?: string | null } = {}): Promise<SelectionRound> {
  const { noticeFrom = null, ...rest } = over;
  const kind = rest.kind ?? 'hall';
  const [row] = await db
    .insert(selectionRounds)
    .values({
      year: 2026,
      kind,
      title: kind === 'hall' ? '2026年度千企在线展馆遴选' : '2026年省级专精特新推荐',
      tier: kind === 'title' ? 'srdi' : null,
      level: kind === 'title' ? 'provincial' : null,
      quota: 200,
      timeline: { applyFrom: '2026-03-01', applyTo: '2026-04-30', countyDue: '2026-05-20', cityDue: '2026-06-10', expertDue: '2026-07-10', noticeFrom },
      rubric: kind === 'hall' ? HALL_RUBRIC : TITLE_RUBRIC,
      state: 'open',
      objectionPhone: '0635-0000000',
      objectionEmail: 'objection@bureau.example',
      ...rest,
    })
    .returning();
  return row!;
}

/** An active pool expert with a staff account of role `expert` (TOTP enrolled, for API sign-in). */
export async function makeExpert(db: DbLike, name = '专家') {
  const user = await makeUser(db, { role: 'expert', totp: true });
  const [expert] = await db.insert(experts).values({ name, userId: user.id, status: 'active' }).returning();
  return { user, expert: expert! };
}

/** An application placed directly in a state (for engine tests). */
export async function makeApplication(db: DbLike, round: SelectionRound, enterprise: { id: number; county: string }, state: ApplicationState = 'submitted', over: Partial<typeof selectionApplications.$inferInsert> = {}) {
  const [row] = await db
    .insert(selectionApplications)
    .values({ roundId: round.id, enterpriseId: enterprise.id, county: enterprise.county as never, origin: 'applied', state, ...over })
    .returning();
  return row!;
}
