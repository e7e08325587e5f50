/**
 * The service outcomes database (千企服务成果数据库): record, verify, list and export outcomes, always within the
 * actor's firms (liveFirms: county officers their area, experts their team's firms, bureau/admin all).
 */
import { aliasedTable, and, count, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { attachments, enterprises, leads, serviceOutcomes, serviceRequests, serviceVisits, trainingAttendances, trainingEvents, users, type ServiceOutcome } from '../../db/schema/index.ts';
import type { County } from '../../domain/program.ts';
import { WHOLE_NUMBER_TYPES, type OutcomeSource, type OutcomeType } from '../../domain/outcomes.ts';
import { AppError } from '../../lib/errors.ts';
import { firmNotFound, liveFirms, type ScopeActor } from '../scope.ts';
import { requireFirmAttachments } from '../../attachments/store.ts';

export interface OutcomeInput {
  enterpriseId: number;
  type: OutcomeType;
  value: number;
  achievedOn: string;
  description: string;
  sourceKind: OutcomeSource | null;
  sourceId: number | null;
  leadId: number | null;
  attachmentIds: number[];
}

export interface OutcomeFilter {
  type?: OutcomeType | undefined;
  county?: County | undefined;
  source?: OutcomeSource | undefined;
  verified?: boolean | undefined;
  enterpriseId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const bad = (zh: string, en: string) => new AppError(400, 'invalid_outcome', { zh, en });

/**
 * Checks an outcome against the register before it is stored: whole numbers for counts and levels; a `lead_deal`
 * names a lead of the same firm; a `training` source is an event the firm had someone at; request and visit sources
 * are plain ids until the services tables exist on this branch; evidence ids must be the firm's attachments
 * (400 `attachment_unknown`).
 */
async function checkOutcome(db: DbLike, input: OutcomeInput): Promise<void> {
  if (WHOLE_NUMBER_TYPES.includes(input.type) && !Number.isInteger(input.value)) throw bad('该类成果的数值应为整数', 'This type of outcome takes a whole number');
  if ((input.sourceKind === null) !== (input.sourceId === null)) throw bad('来源类型和来源编号须同时填写', 'Give both the source kind and its id, or neither');
  if (input.type === 'lead_deal' && input.leadId === null) throw bad('展馆线索成交须关联一条线索', 'A deal from the hall must name its lead');
  if (input.leadId !== null) {
    const [lead] = await db.select({ id: leads.id }).from(leads).where(and(eq(leads.id, input.leadId), eq(leads.enterpriseId, input.enterpriseId)));
    if (!lead) throw bad('该线索不属于此企业', 'The lead does not belong to this firm');
  }
  if (input.sourceKind === 'training') {
    const [attended] = await db
      .select({ id: trainingAttendances.id })
      .from(trainingAttendances)
      .where(and(eq(trainingAttendances.eventId, input.sourceId!), eq(trainingAttendances.enterpriseId, input.enterpriseId)))
      .limit(1);
    if (!attended) throw bad('该企业没有人员参加这次培训', 'Nobody of this firm attended that training event');
  }
  if (input.sourceKind === 'request') {
    const [request] = await db.select({ id: serviceRequests.id }).from(serviceRequests).where(and(eq(serviceRequests.id, input.sourceId!), eq(serviceRequests.enterpriseId, input.enterpriseId)));
    if (!request) throw bad('该诉求不属于此企业', 'That service request is not this firm’s');
  }
  if (input.sourceKind === 'visit') {
    const [visit] = await db.select({ id: serviceVisits.id }).from(serviceVisits).where(and(eq(serviceVisits.id, input.sourceId!), eq(serviceVisits.enterpriseId, input.enterpriseId)));
    if (!visit) throw bad('该走访不属于此企业', 'That visit was not to this firm');
  }
  await requireFirmAttachments(db, input.enterpriseId, input.attachmentIds);
}

/** Records an outcome for a firm in scope (404 otherwise); unverified until the bureau verifies it. */
export async function recordOutcome(db: DbLike, actor: ScopeActor, input: OutcomeInput): Promise<ServiceOutcome> {
  const [firm] = await db.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.id, input.enterpriseId), liveFirms(actor)));
  if (!firm) throw firmNotFound();
  await checkOutcome(db, input);
  const [row] = await db.insert(serviceOutcomes).values({ ...input, recordedBy: actor.id }).returning();
  return row!;
}

/**
 * The bureau's verification (four eyes: not by the person who recorded it, 409 `outcome_self_verify`); verifying a
 * verified outcome changes nothing.
 */
export async function verifyOutcome(db: DbLike, actor: ScopeActor, id: number): Promise<ServiceOutcome> {
  const [found] = await db.select({ o: serviceOutcomes }).from(serviceOutcomes).innerJoin(enterprises, eq(enterprises.id, serviceOutcomes.enterpriseId)).where(and(eq(serviceOutcomes.id, id), liveFirms(actor)));
  if (!found) throw new AppError(404, 'not_found', { zh: '找不到该成果', en: 'No such outcome' });
  if (found.o.verifiedAt) return found.o;
  if (found.o.recordedBy === actor.id) throw new AppError(409, 'outcome_self_verify', { zh: '成果须由登记人以外的人员核实', en: 'Someone other than the person who recorded it must verify an outcome' });
  const [row] = await db.update(serviceOutcomes).set({ verifiedBy: actor.id, verifiedAt: new Date(), version: found.o.version + 1 }).where(eq(serviceOutcomes.id, id)).returning();
  return row!;
}

function whereOf(actor: ScopeActor, f: OutcomeFilter): SQL {
  const parts: (SQL | undefined)[] = [
    liveFirms(actor),
    f.type ? eq(serviceOutcomes.type, f.type) : undefined,
    f.county ? eq(enterprises.county, f.county) : undefined,
    f.source ? eq(serviceOutcomes.sourceKind, f.source) : undefined,
    f.verified === undefined ? undefined : f.verified ? isNotNull(serviceOutcomes.verifiedAt) : isNull(serviceOutcomes.verifiedAt),
    f.enterpriseId ? eq(serviceOutcomes.enterpriseId, f.enterpriseId) : undefined,
    f.from ? gte(serviceOutcomes.achievedOn, f.from) : undefined,
    f.to ? lte(serviceOutcomes.achievedOn, f.to) : undefined,
  ];
  return and(...parts)!;
}

const recorder = aliasedTable(users, 'recorder');
const verifier = aliasedTable(users, 'verifier');

/** Outcomes matching the filter (newest first), with the firm, who recorded and who verified. */
export async function listOutcomes(db: DbLike, actor: ScopeActor, filter: OutcomeFilter, page = 1, pageSize = 50) {
  const where = whereOf(actor, filter);
  const [total] = await db.select({ n: count() }).from(serviceOutcomes).innerJoin(enterprises, eq(enterprises.id, serviceOutcomes.enterpriseId)).where(where);
  const rows = await db
    .select({
      o: serviceOutcomes,
      firmName: enterprises.name,
      county: enterprises.county,
      recordedByName: recorder.displayName,
      verifiedByName: verifier.displayName,
    })
    .from(serviceOutcomes)
    .innerJoin(enterprises, eq(enterprises.id, serviceOutcomes.enterpriseId))
    .leftJoin(recorder, eq(recorder.id, serviceOutcomes.recordedBy))
    .leftJoin(verifier, eq(verifier.id, serviceOutcomes.verifiedBy))
    .where(where)
    .orderBy(desc(serviceOutcomes.achievedOn), desc(serviceOutcomes.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: await withSourceTitles(db, rows.map(outcomeView)), total: total?.n ?? 0 };
}

/** An outcome as the API and pages show it (dates as ISO text). */
function outcomeView(r: { o: ServiceOutcome; firmName: string; county: County; recordedByName: string | null; verifiedByName: string | null }) {
  return {
    ...r.o,
    createdAt: r.o.createdAt.toISOString(),
    updatedAt: r.o.updatedAt.toISOString(),
    verifiedAt: r.o.verifiedAt?.toISOString() ?? null,
    verified: r.o.verifiedAt !== null,
    firmName: r.firmName,
    county: r.county,
    recordedByName: r.recordedByName,
    verifiedByName: r.verifiedByName,
    /** What produced it, named: the training event's or the request's title, or the visit's date (null: none or gone). */
    sourceTitle: null as string | null,
    /** The evidence files (id and name; downloaded at /api/admin/attachments/:id). */
    evidence: [] as { id: number; name: string }[],
  };
}
export type OutcomeView = ReturnType<typeof outcomeView>;

/** Fills `sourceTitle` with the names of what produced each outcome, and `evidence` with file names. */
async function withSourceTitles(db: DbLike, items: OutcomeView[]): Promise<OutcomeView[]> {
  const idsOf = (kind: OutcomeSource) => [...new Set(items.filter((o) => o.sourceKind === kind && o.sourceId !== null).map((o) => o.sourceId!))];
  const titles: Record<OutcomeSource, Map<number, string>> = {
    training: await sourceNames(idsOf('training'), (ids) => db.select({ id: trainingEvents.id, name: trainingEvents.title }).from(trainingEvents).where(inArray(trainingEvents.id, ids)), false),
    request: await sourceNames(idsOf('request'), (ids) => db.select({ id: serviceRequests.id, name: serviceRequests.title }).from(serviceRequests).where(inArray(serviceRequests.id, ids))),
    visit: await sourceNames(idsOf('visit'), (ids) => db.select({ id: serviceVisits.id, name: serviceVisits.date }).from(serviceVisits).where(inArray(serviceVisits.id, ids))),
  };
  for (const o of items) if (o.sourceKind && o.sourceId !== null) o.sourceTitle = titles[o.sourceKind].get(o.sourceId) ?? null;
  const ids = [...new Set(items.flatMap((o) => o.attachmentIds))];
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const a of await db.select({ id: attachments.id, name: attachments.name }).from(attachments).where(inArray(attachments.id, ids.slice(i, i + 500)))) names.set(a.id, a.name);
  }
  for (const o of items) o.evidence = o.attachmentIds.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));
  return items;
}

/** A firm's outcomes for its dossier (the caller has checked the firm is in scope). */
export async function firmOutcomes(db: DbLike, enterpriseId: number) {
  const rows = await db
    .select({ o: serviceOutcomes, firmName: enterprises.name, county: enterprises.county, recordedByName: recorder.displayName, verifiedByName: verifier.displayName })
    .from(serviceOutcomes)
    .innerJoin(enterprises, eq(enterprises.id, serviceOutcomes.enterpriseId))
    .leftJoin(recorder, eq(recorder.id, serviceOutcomes.recordedBy))
    .leftJoin(verifier, eq(verifier.id, serviceOutcomes.verifiedBy))
    .where(eq(serviceOutcomes.enterpriseId, enterpriseId))
    .orderBy(desc(serviceOutcomes.achievedOn), desc(serviceOutcomes.id));
  return withSourceTitles(db, rows.map(outcomeView));
}

/** Every outcome matching the filter, for the export (capped at `limit` rows). */
export async function exportOutcomes(db: DbLike, actor: ScopeActor, filter: OutcomeFilter, limit = 50_000) {
  return (await listOutcomes(db, actor, filter, 1, limit)).items;
}

/** Titles of training events by id (for naming training sources in lists). */
/** Names of the sources with these ids (`#id name`, or the name alone when `withId` is false). */
async function sourceNames(ids: number[], query: (ids: number[]) => Promise<{ id: number; name: string }[]>, withId = true): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  return new Map((await query(ids)).map((r) => [r.id, withId ? `#${r.id} ${r.name}` : r.name]));
}

