import { and, desc, eq, inArray } from 'drizzle-orm';
import { audit } from '../../auth/audit.ts';
import type { DbLike } from '../../db/client.ts';
import { auditLog, users } from '../../db/schema/index.ts';
import type { DataSource } from '../../domain/program.ts';
import { AppError } from '../../lib/errors.ts';

/** Field → [before, after] of one save. */
export type Changes = Record<string, [unknown, unknown]>;

/** The entities whose field history the dossier shows. */
export type HistoryEntity = 'enterprise' | 'year' | 'title' | 'note' | 'attendance';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields `patch` really changes on `before` (unchanged and undefined values dropped). */
export function diff(before: Record<string, unknown>, patch: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || same(before[key], value)) continue;
    changes[key] = [before[key] ?? null, value];
  }
  return changes;
}

/** Who made a change and through what: staff, the firm itself, or an import batch. */
export interface ChangeOrigin {
  userId: number | null;
  source: DataSource;
  ip?: string | undefined;
  importBatchId?: number | undefined;
  /** Set by bulk writers (imports) that refresh the stored pre-evaluations once at the end instead of per row. */
  deferPreEvaluation?: boolean | undefined;
}

/**
 * Writes one history entry (an audit-log row with before/after values) — call it inside the transaction of the
 * change, so the change and its history commit together.
 */
export async function recordChange(
  db: DbLike,
  origin: ChangeOrigin,
  entry: { enterpriseId: number; entity: HistoryEntity; entityId: number; action: string; changes: Changes; label?: string },
): Promise<void> {
  await audit(db, {
    userId: origin.userId,
    enterpriseId: entry.enterpriseId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    ip: origin.ip,
    detail: { changes: entry.changes, source: origin.source, ...(origin.importBatchId ? { importBatchId: origin.importBatchId } : {}), ...(entry.label ? { label: entry.label } : {}) },
  });
}

/** One field's change as the dossier lists it: "营收 1,200 → 1,350 万元 · 李某 · 2026-03-02". */
export interface FieldChange {
  auditId: number;
  at: string;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** E.g. the fiscal year of a yearly figure or the tier of a title. */
  label: string | null;
  field: string;
  before: unknown;
  after: unknown;
  source: string | null;
  importBatchId: number | null;
}

/** A firm's field-level history, newest first (at most `limit` entries, each expanded to its fields). */
export async function fieldHistory(db: DbLike, enterpriseId: number, limit = 100): Promise<FieldChange[]> {
  const rows = await db
    .select({ log: auditLog, userName: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.enterpriseId, enterpriseId), inArray(auditLog.entity, ['enterprise', 'year', 'title', 'note'])))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  const out: FieldChange[] = [];
  for (const { log, userName } of rows) {
    const detail = (log.detail ?? {}) as { changes?: Changes; source?: string; importBatchId?: number; label?: string };
    for (const [field, [before, after]] of Object.entries(detail.changes ?? {})) {
      out.push({
        auditId: log.id,
        at: log.at.toISOString(),
        userName,
        action: log.action,
        entity: log.entity ?? '',
        entityId: log.entityId,
        label: detail.label ?? null,
        field,
        before,
        after,
        source: detail.source ?? null,
        importBatchId: detail.importBatchId ?? null,
      });
    }
  }
  return out;
}

/** The audit entry behind a history line, for restoring one of its values; 404 when it is not this firm's. */
export async function historyEntry(db: DbLike, enterpriseId: number, auditId: number) {
  const [row] = await db.select().from(auditLog).where(and(eq(auditLog.id, auditId), eq(auditLog.enterpriseId, enterpriseId)));
  if (!row) throw new AppError(404, 'not_found', { zh: '找不到该修改记录', en: 'No such history entry' });
  return row;
}

/**
 * 409 for a save based on an older version: the body names the current version, the current values of the fields
 * the caller wanted to change and the caller's values, so the page can show both.
 */
export function versionConflict(current: Record<string, unknown> & { version: number }, yours: Record<string, unknown>): AppError {
  const theirs: Record<string, unknown> = {};
  for (const key of Object.keys(yours)) theirs[key] = current[key] ?? null;
  return new AppError(
    409,
    'version_conflict',
    { zh: '该记录已被他人修改，请查看最新内容后再保存', en: 'Someone else changed this record; review the latest values and save again' },
    { currentVersion: current.version, current: theirs, yours },
  );
}
