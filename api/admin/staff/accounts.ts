import { and, asc, eq, inArray } from 'drizzle-orm';
import { createInvitation } from '../../auth/invitations.ts';
import { revokeAllSessions } from '../../auth/sessions.ts';
import type { DbLike } from '../../db/client.ts';
import { users, type User } from '../../db/schema/index.ts';
import type { County } from '../../domain/program.ts';
import { AppError } from '../../lib/errors.ts';
import { STAFF_ROLES, type StaffRole } from '../scope.ts';

/** A staff invitation: county officers need their reporting area, other roles must not have one. */
export function checkStaffScope(role: StaffRole, county: County | null | undefined): County | null {
  if (role === 'county' && !county) throw new AppError(400, 'county_required', { zh: '县区工作人员必须指定所属县区', en: 'A county officer needs a reporting area' });
  if (role !== 'county' && county) throw new AppError(400, 'county_not_allowed', { zh: '只有县区工作人员才有所属县区', en: 'Only county officers have a reporting area' });
  return county ?? null;
}

/** Issues a 7-day invitation to a staff account; returns the token for the link (shown or mailed once). */
export async function inviteStaff(db: DbLike, input: { email: string; role: StaffRole; county?: County | null; invitedBy?: number }) {
  const county = checkStaffScope(input.role, input.county);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email.trim().toLowerCase()));
  if (taken) throw new AppError(409, 'email_taken', { zh: '该邮箱已有账号', en: 'This e-mail already has an account' });
  return createInvitation(db, { role: input.role, enterpriseId: null, county, email: input.email, createdByUserId: input.invitedBy });
}

/** Every staff account, by role and name. */
export async function listStaff(db: DbLike) {
  return db
    .select({ id: users.id, email: users.email, displayName: users.displayName, role: users.role, county: users.county, disabled: users.disabled, demo: users.demo })
    .from(users)
    .where(inArray(users.role, [...STAFF_ROLES]))
    .orderBy(asc(users.role), asc(users.displayName));
}

/**
 * Disables, re-enables or re-scopes a staff account. Disabling or changing scope signs the person out everywhere,
 * so a narrower scope applies at once. An admin cannot disable or demote themself (someone must remain).
 */
export async function changeStaff(db: DbLike, actor: User, id: number, change: { disabled?: boolean; role?: StaffRole; county?: County | null }) {
  const [target] = await db.select().from(users).where(and(eq(users.id, id), inArray(users.role, [...STAFF_ROLES])));
  if (!target) throw new AppError(404, 'not_found', { zh: '找不到该工作人员', en: 'No such staff member' });
  if (target.id === actor.id && (change.disabled || (change.role && change.role !== 'admin'))) {
    throw new AppError(409, 'self_lockout', { zh: '不能停用或降级自己的账号', en: 'You cannot disable or demote your own account' });
  }
  const role = change.role ?? (target.role as StaffRole);
  const county = checkStaffScope(role, change.county !== undefined ? change.county : role === 'county' ? target.county : null);
  const [saved] = await db.update(users).set({ disabled: change.disabled ?? target.disabled, role, county }).where(eq(users.id, id)).returning();
  await revokeAllSessions(db, id);
  return saved!;
}
