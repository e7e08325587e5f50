/**
 * Demo service outcomes (fictional, deterministic): ~400 outcomes of every type over 2024–2026, some produced by
 * training events the firm attended, deals linked to the firms' hall leads, about two thirds verified by the bureau
 * (never by the person who recorded them); some come from a resolved service request of the firm.
 */
import { asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbLike } from '../../api/db/client.ts';
import { enterprises, leads, serviceOutcomes, serviceRequests, trainingAttendances, users, type ServiceOutcome } from '../../api/db/schema/index.ts';
import { OUTCOME_TYPES, type OutcomeType } from '../../api/domain/outcomes.ts';
import { createRandom } from '../demo-panorama/random.ts';

const OUTCOMES = 400;
const DESCRIPTIONS: Record<OutcomeType, string[]> = {
  title_gained: ['经辅导获评省级专精特新中小企业', '入选创新型中小企业', '获评市级专精特新'],
  financing: ['获得银行知识产权质押贷款', '获得“专精特新贷”授信', '完成股权融资'],
  patents: ['新增授权发明专利', '新增实用新型专利'],
  standards: ['参与起草行业标准', '主导制定团体标准'],
  costs_saved: ['精益改善后年节约成本', '能源管理改造年节约费用'],
  digital_level: ['数字化水平评测提升', '完成设备联网与 MES 上线'],
  jobs_created: ['扩产新增就业岗位', '新建产线新增岗位'],
  lead_deal: ['展馆询盘达成采购合同', '通过展馆线索签订合作协议'],
};
const VALUE: Record<OutcomeType, [number, number]> = {
  title_gained: [1, 1],
  financing: [100, 3000],
  patents: [1, 6],
  standards: [1, 2],
  costs_saved: [10, 400],
  digital_level: [2, 3],
  jobs_created: [3, 60],
  lead_deal: [5, 500],
};
const WHOLE = new Set<OutcomeType>(['title_gained', 'patents', 'standards', 'digital_level', 'jobs_created']);

const pad = (n: number) => String(n).padStart(2, '0');

/** Inserts the demo outcomes in the caller's transaction (after the register, its leads, the demo services and training). */
export async function insertDemoOutcomes(db: DbLike): Promise<{ outcomes: number; verified: number }> {
  const rand = createRandom('qianqi-demo-outcomes');
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const firms = await db.select({ id: enterprises.id }).from(enterprises).where(isNull(enterprises.deletedAt)).orderBy(asc(enterprises.id));
  if (firms.length === 0) return { outcomes: 0, verified: 0 };
  const staff = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ['bureau@demo.qianqi.example', 'admin@demo.qianqi.example', 'linqing@demo.qianqi.example', 'expert@demo.qianqi.example']));
  const idOf = (email: string) => staff.find((s) => s.email === `${email}@demo.qianqi.example`)?.id ?? null;
  const recorders = [idOf('bureau'), idOf('linqing'), idOf('expert')];
  const attended = await db
    .selectDistinct({ enterpriseId: trainingAttendances.enterpriseId, eventId: trainingAttendances.eventId })
    .from(trainingAttendances)
    .where(eq(trainingAttendances.completed, true))
    .orderBy(asc(trainingAttendances.enterpriseId), asc(trainingAttendances.eventId));
  const solved = await db
    .select({ id: serviceRequests.id, enterpriseId: serviceRequests.enterpriseId })
    .from(serviceRequests)
    .where(eq(serviceRequests.state, 'resolved'))
    .orderBy(asc(serviceRequests.id));
  const firmLeads = await db.select({ id: leads.id, enterpriseId: leads.enterpriseId }).from(leads).orderBy(asc(leads.id));

  const rows: (typeof serviceOutcomes.$inferInsert)[] = [];
  for (let i = 0; i < OUTCOMES; i++) {
    let type = pick(OUTCOME_TYPES);
    if (type === 'lead_deal' && firmLeads.length === 0) type = 'financing';
    const lead = type === 'lead_deal' ? pick(firmLeads) : null;
    const training = !lead && attended.length > 0 && rand() < 0.35 ? pick(attended) : null;
    const request = !lead && !training && solved.length > 0 && rand() < 0.5 ? pick(solved) : null;
    const enterpriseId = lead?.enterpriseId ?? training?.enterpriseId ?? request?.enterpriseId ?? pick(firms).id;
    const [lo, hi] = VALUE[type];
    const raw = lo + rand() * (hi - lo);
    const recordedBy = pick(recorders);
    const verified = rand() < 0.65;
    const verifier = recordedBy === idOf('bureau') ? idOf('admin') : idOf('bureau');
    const year = 2024 + Math.floor(rand() * 3);
    const achievedOn = `${year}-${pad(1 + Math.floor(rand() * 10))}-${pad(1 + Math.floor(rand() * 28))}`;
    // Verified about a month later, never in the future of the demo's own dates.
    const verifiedAt = new Date(Math.min(Date.parse(`${achievedOn}T02:00:00Z`) + 30 * 86_400_000, Date.parse('2026-11-20T02:00:00Z')));
    rows.push({
      enterpriseId,
      type,
      value: WHOLE.has(type) ? Math.round(raw) : Math.round(raw * 10) / 10,
      achievedOn,
      description: pick(DESCRIPTIONS[type]),
      sourceKind: training ? 'training' : request ? 'request' : null,
      sourceId: training?.eventId ?? request?.id ?? null,
      leadId: lead?.id ?? null,
      recordedBy,
      verifiedBy: verified ? verifier : null,
      verifiedAt: verified ? verifiedAt : null,
    } satisfies Partial<ServiceOutcome>);
  }
  for (let i = 0; i < rows.length; i += 200) await db.insert(serviceOutcomes).values(rows.slice(i, i + 200));
  return { outcomes: rows.length, verified: rows.filter((r) => r.verifiedAt).length };
}
