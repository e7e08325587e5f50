import { or, sql, type SQL } from 'drizzle-orm';
import { experts, serviceRequests, serviceTeamFirms, serviceTeamMembers, serviceVisits } from '../../db/schema/index.ts';
import { firmScope, type ScopeActor } from '../scope.ts';

/**
 * Ids of the service teams an expert account belongs to (as lead or member, expert active), as a SQL subquery.
 * Non-experts belong to none here (a liaison's reach is its role's firm scope).
 */
export function teamsOfExpert(actor: ScopeActor): SQL {
  return sql`(select ${serviceTeamMembers.teamId} from ${serviceTeamMembers}
    join ${experts} on ${experts.id} = ${serviceTeamMembers.expertId}
    where ${experts.userId} = ${actor.id} and ${experts.status} = 'active')`;
}

/**
 * Requests an account may see, as a condition on `service_requests` joined with `enterprises`: those of firms in
 * its firm scope (bureau all, county its area, expert its teams' firms) and, for an expert, also requests routed to
 * one of its teams for a firm another team serves.
 */
export function requestScope(actor: ScopeActor): SQL {
  if (actor.role !== 'expert') return firmScope(actor);
  // Both terms on service_requests' own indexed columns, so SQLite answers the OR from two index lookups instead of
  // scanning every request (the same firms as firmScope's expert case).
  return or(
    sql`${serviceRequests.enterpriseId} in (select ${serviceTeamFirms.enterpriseId} from ${serviceTeamFirms} where ${serviceTeamFirms.teamId} in ${teamsOfExpert(actor)})`,
    sql`${serviceRequests.teamId} in ${teamsOfExpert(actor)}`,
  )!;
}

/** Visits an account may see, as `requestScope` (joined with `enterprises`): the firm in scope, or its team's visit. */
export function visitScope(actor: ScopeActor): SQL {
  if (actor.role !== 'expert') return firmScope(actor);
  return or(
    sql`${serviceVisits.enterpriseId} in (select ${serviceTeamFirms.enterpriseId} from ${serviceTeamFirms} where ${serviceTeamFirms.teamId} in ${teamsOfExpert(actor)})`,
    sql`${serviceVisits.teamId} in ${teamsOfExpert(actor)}`,
  )!;
}
