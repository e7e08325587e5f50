import { inArray, isNull } from 'drizzle-orm';
import type { DbLike } from '../../api/db/client.ts';
import { enterprises, experts, serviceProviders, serviceTeamFirms, serviceTeamMembers, serviceTeams, users } from '../../api/db/schema/index.ts';
import type { County } from '../../api/domain/program.ts';
import { DEMO_TEAMS, generateServicePool } from './service-pool-demo.ts';

const chunks = <T>(rows: T[], size: number): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));

/** The demo expert account leads team 3 (临清), the area of the demo county officer. */
export const DEMO_EXPERT_EMAIL = 'expert@demo.qianqi.example';

/**
 * Inserts the demo service pool in the caller's transaction: providers, experts, the 10 teams with their members and
 * liaisons (the demo county officer for 临清's team, the bureau's demo account for the others), and every live firm
 * of the register assigned to the team of its area. Needs the demo staff accounts (insertDemoRegister) first.
 * Returns the numbers inserted.
 */
export async function insertDemoServicePool(db: DbLike): Promise<{ providers: number; experts: number; teams: number; firms: number }> {
  const pool = generateServicePool();
  const providerIds = (
    await db.insert(serviceProviders).values(pool.providers).returning({ id: serviceProviders.id })
  ).map((r) => r.id);
  const demoStaff = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [DEMO_EXPERT_EMAIL, 'bureau@demo.qianqi.example', 'linqing@demo.qianqi.example']));
  const staffId = (email: string) => demoStaff.find((u) => u.email === email)?.id ?? null;

  const teamIds = new Map<number, number>();
  for (const team of DEMO_TEAMS) {
    const [row] = await db.insert(serviceTeams).values({ number: team.number, name: team.name, focus: team.focus }).returning({ id: serviceTeams.id });
    teamIds.set(team.number, row!.id);
  }
  const expertRows = pool.experts.map(({ providerIndex, team: _team, ...e }) => ({
    ...e,
    providerId: providerIndex === null ? null : providerIds[providerIndex]!,
    userId: null as number | null,
  }));
  const demoLead = pool.experts.findIndex((e) => e.team?.number === 3 && e.team.role === 'lead');
  expertRows[demoLead]!.userId = staffId(DEMO_EXPERT_EMAIL);
  const expertIds: number[] = [];
  for (const batch of chunks(expertRows, 100)) expertIds.push(...(await db.insert(experts).values(batch).returning({ id: experts.id })).map((r) => r.id));

  const members = pool.experts.flatMap((e, i) => (e.team ? [{ teamId: teamIds.get(e.team.number)!, expertId: expertIds[i]!, role: e.team.role }] : []));
  const liaisons = DEMO_TEAMS.flatMap((t) => {
    const userId = staffId(t.number === 3 ? 'linqing@demo.qianqi.example' : 'bureau@demo.qianqi.example');
    return userId ? [{ teamId: teamIds.get(t.number)!, userId, role: 'liaison' as const }] : [];
  });
  for (const batch of chunks([...members, ...liaisons], 200)) await db.insert(serviceTeamMembers).values(batch);

  const teamOf = new Map<County, number>(DEMO_TEAMS.flatMap((t) => t.counties.map((c) => [c, teamIds.get(t.number)!] as const)));
  const firms = await db.select({ id: enterprises.id, county: enterprises.county }).from(enterprises).where(isNull(enterprises.deletedAt));
  const assignments = firms.flatMap((f) => (f.county && teamOf.has(f.county) ? [{ teamId: teamOf.get(f.county)!, enterpriseId: f.id, assignedBy: staffId('bureau@demo.qianqi.example') }] : []));
  for (const batch of chunks(assignments, 300)) await db.insert(serviceTeamFirms).values(batch);
  return { providers: providerIds.length, experts: expertIds.length, teams: teamIds.size, firms: assignments.length };
}
