import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { experts, serviceRequests, serviceTeamFirms, serviceTeamMembers, serviceTeams } from '../../db/schema/index.ts';
import { OPEN_REQUEST_STATES } from '../../domain/requests.ts';
import type { County } from '../../domain/program.ts';
import type { ServiceRequest } from '../../db/schema/index.ts';
import { rankExperts, type RoutingSuggestion } from './routing.ts';

/**
 * Routing suggestions for a request: the active experts of all teams (lead or member) ranked by `rankExperts`
 * (specialty, area, the team already serving the firm, current load = open requests assigned to the expert).
 */
export async function routingSuggestions(db: DbLike, request: Pick<ServiceRequest, 'id' | 'enterpriseId' | 'supportAction' | 'serviceItem'>, county: County | null): Promise<RoutingSuggestion[]> {
  const [candidates, [served]] = await Promise.all([
    db
      .select({
        expertId: experts.id,
        name: experts.name,
        teamId: serviceTeams.id,
        teamName: serviceTeams.name,
        specialties: experts.specialties,
        counties: experts.counties,
        rating: experts.rating,
        openRequests: sql<number>`(select count(*) from ${serviceRequests} where ${serviceRequests.expertId} = ${experts.id} and ${inArray(serviceRequests.state, [...OPEN_REQUEST_STATES])})`.mapWith(Number),
      })
      .from(serviceTeamMembers)
      .innerJoin(experts, eq(experts.id, serviceTeamMembers.expertId))
      .innerJoin(serviceTeams, eq(serviceTeams.id, serviceTeamMembers.teamId))
      .where(and(eq(experts.status, 'active'), inArray(serviceTeamMembers.role, ['lead', 'member']))),
    db.select({ teamId: serviceTeamFirms.teamId }).from(serviceTeamFirms).where(eq(serviceTeamFirms.enterpriseId, request.enterpriseId)),
  ]);
  return rankExperts(request, { county, teamId: served?.teamId ?? null }, candidates);
}
