/**
 * Import kind `attendances`: an attendee list of one training event (姓名, 手机号, 单位, 是否结业 …) as training
 * organisers keep it. The event comes from the upload form (`eventId`); each row's firm is matched like a title
 * list's (credit code, else normalised name), the person by normalised mobile number (domain/training.ts), so the
 * same person on lists of several events and years is one trainee. A person already on the event's list is
 * updated (completion), never doubled.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { enterprises, trainees, trainingAttendances, trainingEvents } from '../../../../db/schema/index.ts';
import { normalizeMobile } from '../../../../domain/training.ts';
import { AppError } from '../../../../lib/errors.ts';
import { liveFirms } from '../../../scope.ts';
import { changedSince, chunks, insertHistory, insertReturning, INSERT_CHUNK, READ_CHUNK, updateVersioned, type Conflict, type HistoryEntry } from '../bulk.ts';
import { area, creditCode, text, type CellParser } from '../cells.ts';
import type { Decision, KindSpec, WrittenRow } from '../declare.ts';
import { FirmIndex } from '../match.ts';
import { foldText } from '../names.ts';
import { findFirm } from './firm-match.ts';

/** A mobile number as people write it (138 0000 0000, +86-138…, full-width digits), normalised; a landline is an error. */
export const mobile: CellParser<string> = (cell) => {
  if (cell === null || (typeof cell === 'string' && foldText(cell) === '')) return { empty: true };
  const value = normalizeMobile(typeof cell === 'number' ? String(cell) : String(cell));
  return value ? { value } : { error: { zh: `“${String(cell).slice(0, 20)}”不是有效的手机号（11 位，1 开头）`, en: `"${String(cell).slice(0, 20)}" is not a mobile number (11 digits starting with 1)` } };
};

const COMPLETED = ['是', '结业', '已结业', '合格', '通过', '已通过', '完成', '已完成', '优秀', '良好', 'y', 'yes', 'true', '1', '√'];
const NOT_COMPLETED = ['否', '未结业', '不合格', '未通过', '未完成', '缺考', 'n', 'no', 'false', '0', '×'];

/** 是否结业 / 考核结果: 是, 结业, 合格, 通过 … → true; 否, 未结业, 不合格 … → false; blank → not completed. */
export const completion: CellParser<boolean> = (cell) => {
  if (cell === null || (typeof cell === 'string' && foldText(cell) === '')) return { empty: true };
  if (typeof cell === 'boolean') return { value: cell };
  const key = foldText(String(cell)).toLowerCase();
  if (COMPLETED.includes(key)) return { value: true };
  if (NOT_COMPLETED.includes(key)) return { value: false };
  return { error: { zh: '应填“是/否”“结业/未结业”或“合格/不合格”', en: 'Should be yes/no, completed/not completed, or passed/failed' } };
};

/** Columns of an attendee list, with the headings organisers use. */
export const attendanceColumns = [
  { key: 'seq', headings: ['序号', 'No.'], parse: text(20), example: 1 },
  { key: 'personName', headings: ['姓名', '学员姓名', '参训人员', 'Name'], parse: text(40), example: '王示例' },
  { key: 'mobile', headings: ['手机号', '手机号码', '联系电话', '手机', '电话', 'Mobile'], parse: mobile, example: '13800000000' },
  { key: 'name', headings: ['单位', '企业名称', '单位名称', '工作单位', '所在单位', 'Company'], parse: text(100), example: '聊城示例轴承有限公司' },
  { key: 'creditCode', headings: ['统一社会信用代码', '信用代码', '社会信用代码', 'Credit code'], parse: creditCode, example: '' },
  { key: 'county', headings: ['所在县区', '县（市、区）', '区县', 'Area'], parse: area, example: '' },
  { key: 'completed', headings: ['是否结业', '考核结果', '结业情况', '是否合格', 'Completed'], parse: completion, example: '是' },
];

export const attendanceOptions = z.object({ eventId: z.coerce.number().int().positive() });
export type AttendanceOptions = z.infer<typeof attendanceOptions>;

const noEvent = () => new AppError(404, 'not_found', { zh: '找不到该培训活动', en: 'No such training event' });

/** The `attendances` import: creates or updates each person's attendance at the form's event. */
export const attendancesKind: KindSpec<AttendanceOptions> = {
  kind: 'attendances',
  name: { zh: '培训学员名单', en: 'Attendee lists' },
  columns: attendanceColumns,
  required: [['personName'], ['mobile'], ['name', 'creditCode']],
  options: attendanceOptions,
  identity(values) {
    return typeof values.mobile === 'string' ? { key: values.mobile, column: 'mobile' } : null;
  },
  // One attendance per person and event: the mobile number is the person, caught by `identity` already.
  recordKey: () => null,
  async prepare(db, actor, rows, options) {
    const [event] = await db.select({ id: trainingEvents.id }).from(trainingEvents).where(eq(trainingEvents.id, options.eventId));
    if (!event) throw noEvent();
    const index = await FirmIndex.load(db, actor);
    const mobiles = [...new Set(rows.map((r) => r.values.mobile).filter((m): m is string => typeof m === 'string'))];
    const onList = new Map<string, { completed: boolean; version: number }>();
    for (const group of chunks(mobiles, READ_CHUNK)) {
      const found = await db
        .select({ mobile: trainees.mobile, completed: trainingAttendances.completed, version: trainingAttendances.version })
        .from(trainingAttendances)
        .innerJoin(trainees, eq(trainees.id, trainingAttendances.traineeId))
        .where(and(eq(trainingAttendances.eventId, options.eventId), inArray(trainees.mobile, group)));
      for (const f of found) onList.set(f.mobile, f);
    }
    return {
      decide(row, chosen): Decision {
        const missing = (['personName', 'mobile'] as const).filter((k) => row.values[k] === undefined && !row.failed.has(k));
        if (missing.length > 0) {
          return {
            action: 'error',
            errors: missing.map((key) => ({ key, message: key === 'mobile' ? { zh: '缺少手机号（用于识别同一学员）', en: 'No mobile number (it identifies the person)' } : { zh: '缺少姓名', en: 'No name' } })),
          };
        }
        const firm = findFirm(index, row, chosen);
        if ('action' in firm) return firm;
        const completed = row.values.completed === true;
        const current = onList.get(row.values.mobile as string);
        const base = { enterpriseId: firm.id, label: `${row.values.personName} · ${firm.name}` };
        if (!current) return { action: 'create', ...base, changes: { personName: [null, row.values.personName], completed: [null, completed] } };
        if (current.completed === completed) return { action: 'unchanged', ...base, versionSeen: current.version };
        return { action: 'update', ...base, versionSeen: current.version, changes: { completed: [current.completed, completed] } };
      },
    };
  },
  async writeAll(tx, actor, origin, rows, options) {
    const written: (WrittenRow & { row: number })[] = [];
    const conflicts: Conflict[] = [];
    const [event] = await tx.select({ id: trainingEvents.id, title: trainingEvents.title }).from(trainingEvents).where(eq(trainingEvents.id, options.eventId));
    if (!event) throw noEvent();
    const decided = rows.filter((r) => (r.action === 'create' || r.action === 'update') && r.enterpriseId);
    const inScope = new Set<number>();
    for (const group of chunks([...new Set(decided.map((r) => r.enterpriseId!))], READ_CHUNK)) {
      for (const { id } of await tx.select({ id: enterprises.id }).from(enterprises).where(and(inArray(enterprises.id, group), liveFirms(actor)))) inScope.add(id);
    }
    // The people: one trainee per mobile number, created when new; their firm follows the latest list.
    const mobiles = decided.map((r) => r.values.mobile as string);
    for (const group of chunks(decided, INSERT_CHUNK)) {
      await tx
        .insert(trainees)
        .values(group.map((r) => ({ mobile: r.values.mobile as string, name: r.values.personName as string, enterpriseId: r.enterpriseId! })))
        .onConflictDoNothing();
    }
    const traineeOf = new Map<string, number>();
    const current = new Map<number, { id: number; completed: boolean; version: number }>();
    for (const group of chunks(mobiles, READ_CHUNK)) {
      for (const t of await tx.select({ id: trainees.id, mobile: trainees.mobile }).from(trainees).where(inArray(trainees.mobile, group))) traineeOf.set(t.mobile, t.id);
      const ids = group.map((m) => traineeOf.get(m)!);
      const found = await tx.select().from(trainingAttendances).where(and(eq(trainingAttendances.eventId, event.id), inArray(trainingAttendances.traineeId, ids)));
      for (const a of found) current.set(a.traineeId, a);
    }
    const traineeIdOf = (r: (typeof decided)[number]) => traineeOf.get(r.values.mobile as string)!;
    for (const row of decided) {
      const now = current.get(traineeIdOf(row));
      const moved = row.action === 'create' ? now !== undefined : now?.version !== row.versionSeen;
      if (!inScope.has(row.enterpriseId!) || moved) conflicts.push(changedSince(row.row));
    }
    if (conflicts.length > 0) return { written, conflicts };

    const history: HistoryEntry[] = [];
    const creates = decided.filter((r) => r.action === 'create');
    const updates = decided.filter((r) => r.action === 'update');
    const made = await insertReturning(
      tx,
      trainingAttendances,
      creates.map((r) => ({ eventId: event.id, traineeId: traineeIdOf(r), enterpriseId: r.enterpriseId!, attended: true, completed: r.values.completed === true, importBatchId: origin.importBatchId ?? null })),
    );
    made.forEach(({ id, version }, i) => {
      const row = creates[i]!;
      written.push({ row: row.row, entity: 'attendance', entityId: id, op: 'create', before: null, versionAfter: version });
      history.push({ enterpriseId: row.enterpriseId!, entity: 'attendance', entityId: id, action: 'attendance.create', changes: row.changes ?? {}, label: event.title });
    });
    const stored = updates.map((r) => current.get(traineeIdOf(r))!);
    const missed = await updateVersioned(
      tx,
      'training_attendances',
      updates.map((r, i) => ({ id: stored[i]!.id, version: r.versionSeen!, set: { completed: r.values.completed === true } })),
      { importBatchId: origin.importBatchId ?? null, updatedAt: new Date() },
    );
    if (missed.length > 0) return { written, conflicts: missed.map((i) => changedSince(updates[i]!.row)) };
    updates.forEach((row, i) => {
      const a = stored[i]!;
      written.push({ row: row.row, entity: 'attendance', entityId: a.id, op: 'update', before: { completed: a.completed }, versionAfter: a.version + 1 });
      history.push({ enterpriseId: row.enterpriseId!, entity: 'attendance', entityId: a.id, action: 'attendance.update', changes: row.changes ?? {}, label: event.title });
    });
    await insertHistory(tx, origin, history);
    return { written, conflicts };
  },
};
