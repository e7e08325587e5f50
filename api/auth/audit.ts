import type { DbLike } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';

export interface AuditEntry {
  userId: number | null;
  enterpriseId?: number | null;
  action: string;
  entity?: string;
  entityId?: string | number;
  detail?: Record<string, unknown>;
  ip?: string;
}

/** Records who changed what. Called in the same transaction as the change where there is one. */
export async function audit(db: DbLike, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    userId: entry.userId,
    enterpriseId: entry.enterpriseId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === undefined ? undefined : String(entry.entityId),
    detail: entry.detail,
    ip: entry.ip,
  });
}
