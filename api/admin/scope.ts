import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Context } from 'hono';
import { requireAuth } from '../auth/middleware.ts';
import type { AppEnv } from '../context.ts';
import { enterprises, experts, serviceTeamFirms, serviceTeamMembers, type Role, type User } from '../db/schema/index.ts';
import { AppError } from '../lib/errors.ts';

/** Roles of the bureau's workspace: county officers, experts, bureau staff and administrators. */
export const STAFF_ROLES = ['county', 'expert', 'bureau', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What scoping needs to know of the acting account. */
export type ScopeActor = Pick<User, 'id' | 'role' | 'county' | 'enterpriseId'>;

const isStaff = (role: Role): role is StaffRole => (STAFF_ROLES as readonly Role[]).includes(role);

/**
 * The firms an account may see, as a drizzle condition on `enterprises` — the one place a role's reach is decided
 * (the Django `get_queryset` pattern). bureau/admin: every firm; county: firms of its reporting area; expert: the
 * firms served by the service teams the expert belongs to (`service_team_firms` through `service_team_members` and
 * `experts.user_id`); enterprise: its own firm. Every admin query composes it; pages never filter on their own.
 */
export function firmScope(actor: ScopeActor): SQL {
  switch (actor.role) {
    case 'bureau':
    case 'admin':
      return sql`1 = 1`;
    case 'county':
      return actor.county ? eq(enterprises.county, actor.county) : sql`1 = 0`;
    case 'enterprise':
      return actor.enterpriseId ? eq(enterprises.id, actor.enterpriseId) : sql`1 = 0`;
    case 'expert':
      return sql`${enterprises.id} in (
        select ${serviceTeamFirms.enterpriseId} from ${serviceTeamFirms}
        join ${serviceTeamMembers} on ${serviceTeamMembers.teamId} = ${serviceTeamFirms.teamId}
        join ${experts} on ${experts.id} = ${serviceTeamMembers.expertId}
        where ${experts.userId} = ${actor.id} and ${experts.status} = 'active')`;
  }
}

/** Firms in scope and not in the trash. */
export function liveFirms(actor: ScopeActor): SQL {
  return and(firmScope(actor), isNull(enterprises.deletedAt))!;
}

/** Firms in scope that are in the trash. */
export function trashedFirms(actor: ScopeActor): SQL {
  return and(firmScope(actor), isNotNull(enterprises.deletedAt))!;
}

/** The signed-in staff member, or 401 (anonymous) / 403 (a firm's account). */
export function requireStaff(c: Context<AppEnv>, roles: readonly StaffRole[] = STAFF_ROLES): User {
  const { user } = requireAuth(c);
  if (!isStaff(user.role)) {
    throw new AppError(403, 'staff_only', { zh: '仅限主管部门工作人员使用', en: 'For bureau staff only' });
  }
  if (!roles.includes(user.role)) {
    throw new AppError(403, 'forbidden_role', { zh: '当前角色无权执行此操作', en: 'Your role may not do this' });
  }
  return user;
}

/** 404 for a firm outside the caller's scope: never reveal that an id exists elsewhere. */
export function firmNotFound(): AppError {
  return new AppError(404, 'not_found', { zh: '找不到该企业', en: 'No such enterprise' });
}
