/**
 * 负责人 (liaison officers): the staff account that looks after a firm for the bureau (enterprises.liaison_user_id).
 * Who may be named is decided here, once, for the register's bulk action and the dossier's edit alike.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import type { County } from '../../domain/program.ts';
import { AppError } from '../../lib/errors.ts';
import type { ScopeActor } from '../scope.ts';

/** Roles that can look after firms (experts serve through their service teams, not as liaisons). */
const LIAISON_ROLES = ['county', 'bureau', 'admin'] as const;

export interface Liaison {
  id: number;
  displayName: string;
  role: (typeof LIAISON_ROLES)[number];
  county: County | null;
}

/**
 * The staff accounts an actor may name as a firm's 负责人, by name: active (not disabled) county officers, bureau
 * staff and administrators; a county officer may name only the county officers of their own area.
 */
export async function liaisonChoices(db: DbLike, actor: ScopeActor): Promise<Liaison[]> {
  const own =
    actor.role === 'county'
      ? and(eq(users.role, 'county'), actor.county ? eq(users.county, actor.county) : sql`0`)
      : inArray(users.role, [...LIAISON_ROLES]);
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role, county: users.county })
    .from(users)
    .where(and(own, eq(users.disabled, false)))
    .orderBy(asc(users.displayName), asc(users.id));
  return rows as Liaison[];
}

/** Throws 400 `liaison_invalid` unless `userId` is one of the actor's liaisonChoices (null — clearing — is allowed). */
export async function assertLiaison(db: DbLike, actor: ScopeActor, userId: number | null | undefined): Promise<void> {
  if (userId === null || userId === undefined) return;
  if ((await liaisonChoices(db, actor)).some((l) => l.id === userId)) return;
  throw new AppError(400, 'liaison_invalid', {
    zh: '所选负责人不存在、已停用或不在您的辖区，请重新选择',
    en: 'The chosen liaison does not exist, is disabled or is outside your area; choose again',
  });
}
