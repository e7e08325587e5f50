/**
 * Demo services, deterministic (a seeded generator, the same rows for the same firms and day): ~1,500 requests over
 * the last three years in every state — most old ones resolved and rated, some withdrawn, some stuck past their
 * deadline (overdue), some reopened by the firm — with their history, visits done and planned, and consents to
 * visits. Fictional texts. `generateServices` is pure; `insertDemoServices` writes it in the caller's transaction.
 */
import { eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbLike } from '../../api/db/client.ts';
import { experts, serviceRequestEvents, serviceRequests, serviceTeamFirms, serviceTeamMembers, serviceVisits, users, visitConsents } from '../../api/db/schema/index.ts';
import { initialPriority, priorityAfter, findTransition, type RequestState, type Urgency } from '../../api/domain/requests.ts';
import { SERVICE_ITEM_ACTION, SERVICE_ITEM_NAMES, SERVICE_ITEMS, type ServiceItem } from '../../api/domain/services.ts';
import { dueDate } from '../../api/domain/sla.ts';
import { createRandom } from '../demo-panorama/random.ts';

const ASKS: Record<ServiceItem, string[]> = {
  site_management: ['车间现场 6S 改善', '仓库物料摆放混乱'],
  lean_production: ['换型时间过长', '在制品积压，交期拖延'],
  brand_marketing: ['新产品线上推广', '展会参展方案'],
  human_resources: ['一线技工招聘难', '绩效考核方案'],
  finance_tax: ['研发费用加计扣除', '成本核算不清'],
  policy: ['技改补贴政策解读', '专精特新申报政策'],
  legal: ['外贸合同条款审查', '商标被抢注'],
  financing: ['流动资金贷款对接', '设备融资租赁'],
  digital: ['上云用云方案', 'MES 系统选型'],
  ip_standards: ['发明专利布局', '参与行业标准制定'],
  title_application: ['专精特新申报辅导', '创新型中小企业自评'],
  energy_saving: ['能耗诊断', '光伏屋顶改造'],
};

/** The way a request walks: the states it passes in order, reopenings included. */
const PATH: RequestState[] = ['new', 'assigned', 'contacted', 'in_service', 'awaiting_confirmation', 'resolved'];

export interface DemoServiceInput {
  firms: { id: number; teamId: number | null }[];
  experts: { id: number; teamId: number; specialties: ServiceItem[] }[];
  ownerOf: Map<number, number>;
  staffId: number | null;
  today: string;
  count?: number;
}

const DAY = 86_400_000;
const dateOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** The demo rows (pure). Ids are positions: request i's events and visits refer to it by index. */
export function generateServices(input: DemoServiceInput, seed = 'services-demo') {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const end = Date.parse(`${input.today}T02:00:00Z`);
  const requests: (typeof serviceRequests.$inferInsert)[] = [];
  const events: { request: number; row: Omit<typeof serviceRequestEvents.$inferInsert, 'requestId'> }[] = [];
  const visits: { request: number | null; row: Omit<typeof serviceVisits.$inferInsert, 'requestId'> }[] = [];
  const servedFirms = input.firms.filter((f) => f.teamId !== null);
  const count = input.count ?? 1500;
  for (let i = 0; i < count && servedFirms.length > 0; i++) {
    const firm = pick(servedFirms);
    const item = pick(SERVICE_ITEMS);
    const created = end - Math.floor(random() * random() * 1095 * DAY) - Math.floor(random() * DAY);
    const ageDays = (end - created) / DAY;
    // How far it gets: old requests mostly end resolved; recent ones are anywhere along the way.
    const roll = random();
    let target: RequestState;
    if (roll < 0.04) target = 'withdrawn';
    else if (ageDays > 45) target = roll < 0.9 ? 'resolved' : pick(['assigned', 'contacted', 'in_service', 'awaiting_confirmation'] as const);
    else target = pick(['new', 'assigned', 'contacted', 'in_service', 'in_service', 'awaiting_confirmation', 'resolved'] as const);
    const urgency: Urgency = random() < 0.15 ? 'urgent' : 'normal';
    let priority = initialPriority(urgency);
    const team = firm.teamId!;
    const teamExperts = input.experts.filter((e) => e.teamId === team);
    const expert = teamExperts.find((e) => e.specialties.includes(item)) ?? (teamExperts.length ? pick(teamExperts) : null);
    const owner = input.ownerOf.get(firm.id) ?? null;
    let at = created;
    let state = 'new' as RequestState;
    let reopenCount = 0;
    events.push({ request: i, row: { fromState: null, toState: 'new', note: '', actorId: owner, priority, at: new Date(at) } });
    const step = (to: RequestState, note = '', actorId = input.staffId) => {
      const gap = to === 'resolved' || (state === 'awaiting_confirmation' && to === 'in_service') ? 1 + random() * 5 : 0.2 + random() * (to === 'awaiting_confirmation' ? 15 : 3);
      at = Math.min(end - 60_000, at + gap * DAY);
      priority = priorityAfter(findTransition(state, to) ?? { from: state, to }, priority);
      events.push({ request: i, row: { fromState: state, toState: to, note, actorId, teamId: team, expertId: expert?.id ?? null, priority, at: new Date(at) } });
      state = to;
    };
    if (target === 'withdrawn') step('withdrawn', '问题已自行解决', owner);
    else {
      for (const next of PATH.slice(1, PATH.indexOf(target) + 1)) {
        if (next === 'resolved' && random() < 0.12) {
          step('in_service', '问题仍未完全解决，请继续跟进', owner);
          reopenCount++;
          step('awaiting_confirmation', '已补充服务');
        }
        step(next, next === 'awaiting_confirmation' ? `已完成${SERVICE_ITEM_NAMES[item].zh}服务` : '', next === 'resolved' ? owner : input.staffId);
        if (next === 'in_service' && random() < 0.7) {
          visits.push({ request: i, row: { enterpriseId: firm.id, teamId: team, status: 'done', basis: 'request', date: dateOf(at), durationMinutes: 60 + Math.floor(random() * 4) * 30, expertIds: expert ? [expert.id] : [], diagnosis: `现场了解${ASKS[item][0]}情况`, actionsAgreed: '制定改进计划，两周后回访', followUpDue: dateOf(at + 14 * DAY), loggedBy: input.staffId } });
        }
      }
      if (state === 'awaiting_confirmation' && ageDays > 45 && random() < 0.5) {
        // Some firms reopen and the service drags on: these end up overdue.
        step('in_service', '仍有问题', owner);
        reopenCount++;
      }
    }
    const resolved = state === 'resolved';
    if (!resolved && state !== 'withdrawn' && (state === 'in_service' || state === 'contacted') && random() < 0.3) {
      visits.push({ request: i, row: { enterpriseId: firm.id, teamId: team, status: 'planned', basis: 'request', date: dateOf(end + (1 + Math.floor(random() * 20)) * DAY), expertIds: expert ? [expert.id] : [], loggedBy: input.staffId } });
    }
    requests.push({
      enterpriseId: firm.id,
      filedBy: owner,
      supportAction: SERVICE_ITEM_ACTION[item],
      serviceItem: item,
      title: pick(ASKS[item]),
      description: `我公司希望在“${SERVICE_ITEM_NAMES[item].zh}”方面得到专家指导：${pick(ASKS[item])}。`,
      urgency,
      preferredTime: pick(['工作日上午', '工作日下午', '随时', '']),
      state,
      priority,
      reopenCount,
      teamId: state === 'new' || state === 'withdrawn' ? null : team,
      expertId: state === 'new' || state === 'withdrawn' ? null : expert?.id ?? null,
      stateSince: new Date(at),
      dueAt: dueDate(state, priority, dateOf(at)),
      rating: resolved ? pick([3, 4, 4, 5, 5, 5]) : null,
      feedback: resolved ? pick(['专家很专业', '问题解决了，谢谢', '响应及时', null]) : null,
      resolvedAt: resolved ? new Date(at) : null,
      createdAt: new Date(created),
      updatedAt: new Date(at),
    });
  }
  // Firms that agreed to visits without a request, and visits made on that basis.
  const consents = servedFirms.filter(() => random() < 0.06).map((f) => ({ enterpriseId: f.id, givenBy: input.ownerOf.get(f.id) ?? null, note: '欢迎服务团定期走访', givenAt: new Date(end - Math.floor(random() * 700) * DAY) }));
  for (const c of consents) {
    if (random() < 0.6) visits.push({ request: null, row: { enterpriseId: c.enterpriseId, teamId: servedFirms.find((f) => f.id === c.enterpriseId)!.teamId, status: 'done', basis: 'consent', date: dateOf(Math.min(end, c.givenAt.getTime() + 20 * DAY)), durationMinutes: 90, diagnosis: '例行走访：了解经营情况与需求', actionsAgreed: '推送相关政策', loggedBy: input.staffId } });
  }
  return { requests, events, visits, consents };
}

const chunks = <T>(rows: T[], size: number): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));

/**
 * Inserts the demo services (needs the register, its firm accounts and the service pool). Returns the counts.
 */
export async function insertDemoServices(db: DbLike, today: string, count = 1500): Promise<{ requests: number; visits: number; consents: number }> {
  const firms = await db.select({ id: serviceTeamFirms.enterpriseId, teamId: serviceTeamFirms.teamId }).from(serviceTeamFirms).orderBy(serviceTeamFirms.enterpriseId);
  const pool = await db
    .select({ id: experts.id, teamId: serviceTeamMembers.teamId, specialties: experts.specialties })
    .from(serviceTeamMembers)
    .innerJoin(experts, eq(experts.id, serviceTeamMembers.expertId))
    .where(eq(experts.status, 'active'))
    .orderBy(experts.id);
  const owners = await db.select({ id: users.id, enterpriseId: users.enterpriseId }).from(users).where(isNotNull(users.enterpriseId)).orderBy(users.id);
  const ownerOf = new Map<number, number>();
  for (const o of owners) if (!ownerOf.has(o.enterpriseId!)) ownerOf.set(o.enterpriseId!, o.id);
  const [staff] = await db.select({ id: users.id }).from(users).where(inArray(users.email, ['bureau@demo.qianqi.example']));
  const demo = generateServices({ firms, experts: pool, ownerOf, staffId: staff?.id ?? null, today, count });
  const ids: number[] = [];
  for (const batch of chunks(demo.requests, 200)) ids.push(...(await db.insert(serviceRequests).values(batch).returning({ id: serviceRequests.id })).map((r) => r.id));
  for (const batch of chunks(demo.events, 500)) await db.insert(serviceRequestEvents).values(batch.map((e) => ({ ...e.row, requestId: ids[e.request]! })));
  for (const batch of chunks(demo.visits, 300)) await db.insert(serviceVisits).values(batch.map((v) => ({ ...v.row, requestId: v.request === null ? null : ids[v.request]! })));
  for (const batch of chunks(demo.consents, 300)) if (batch.length) await db.insert(visitConsents).values(batch);
  // Experts' ratings from the firms' ratings of resolved requests.
  await db.run(sql`update experts set rating = (select round(avg(rating), 2) from service_requests r where r.expert_id = experts.id and r.rating is not null),
    rating_count = (select count(rating) from service_requests r where r.expert_id = experts.id)`);
  return { requests: ids.length, visits: demo.visits.length, consents: demo.consents.length };
}
