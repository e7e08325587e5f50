/** Test support for the services area: a team with experts (optionally with staff accounts) serving firms. */
import type { DbLike } from '../../db/client.ts';
import { experts, serviceTeamFirms, serviceTeamMembers, serviceTeams } from '../../db/schema/index.ts';
import type { ServiceItem } from '../../domain/services.ts';

let teamSerial = 0;

/**
 * Inserts a team (number 1–10 unique per test database) with one expert per entry of `members` (`userId` links the
 * expert to a staff account of role `expert`) and the firms it serves. Returns the team id and the expert ids.
 */
export async function makeTeam(
  db: DbLike,
  input: { members?: { role: 'lead' | 'member'; userId?: number | null; specialties?: ServiceItem[] }[]; firms?: number[] } = {},
): Promise<{ teamId: number; expertIds: number[] }> {
  teamSerial += 1;
  const [team] = await db.insert(serviceTeams).values({ number: 1000 + teamSerial, name: `测试服务团${teamSerial}` }).returning();
  const expertIds: number[] = [];
  for (const [i, m] of (input.members ?? []).entries()) {
    const [e] = await db
      .insert(experts)
      .values({ name: `专家${teamSerial}-${i}`, userId: m.userId ?? null, status: 'active', specialties: m.specialties ?? ['lean_production'] })
      .returning();
    expertIds.push(e!.id);
    await db.insert(serviceTeamMembers).values({ teamId: team!.id, expertId: e!.id, role: m.role });
  }
  for (const enterpriseId of input.firms ?? []) await db.insert(serviceTeamFirms).values({ teamId: team!.id, enterpriseId });
  return { teamId: team!.id, expertIds };
}
