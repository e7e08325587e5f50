import { eq } from 'drizzle-orm';
import type { DbLike } from '../../api/db/client.ts';
import { dataCampaigns, planTargets, plans, reportDrafts } from '../../api/db/schema/index.ts';
import type { County } from '../../api/domain/program.ts';
import { publishReport } from '../../api/admin/reports/store.ts';

/** A plan of the demo with its city-wide targets and, for some, the areas' shares. */
interface DemoPlan {
  code: string;
  name: string;
  nameEn: string;
  startYear: number;
  endYear: number;
  source: string;
  targets: Record<string, number>;
  splits: Record<string, Partial<Record<County, number>>>;
}

/**
 * The program's plan 2021–2023 with its real targets (PROGRAM.md: the city notice of 9 Dec 2021), and a fictional
 * successor 2024–2026 (its service and training targets are fictional too).
 */
export const DEMO_PLANS: DemoPlan[] = [
  {
    code: '2021-2023',
    name: '“育苗扶壮”中小企业梯度培育三年行动计划（2021—2023年）',
    nameEn: 'Three-year action plan for SME gradient cultivation (2021–2023)',
    startYear: 2021,
    endYear: 2023,
    source: '市政府 2021 年 12 月 9 日印发的三年行动计划通知',
    targets: {
      new_srdi_city: 150,
      new_srdi_provincial: 80,
      new_little_giant: 20,
      new_gazelle: 20,
      new_single_champion: 20,
      new_unicorn: 1,
      firms_screened: 1000,
      halls_published: 600,
      service_teams: 10,
      digital_commissioners: 1000,
      management_exemplars: 1000,
    },
    splits: {},
  },
  {
    code: '2024-2026',
    name: '中小企业梯度培育提升行动（2024—2026年）（演示）',
    nameEn: 'SME cultivation, second round (2024–2026) (demo)',
    startYear: 2024,
    endYear: 2026,
    source: '演示数据：虚构的后续规划',
    targets: {
      new_srdi_city: 180,
      new_srdi_provincial: 100,
      new_little_giant: 15,
      new_gazelle: 30,
      new_single_champion: 10,
      new_unicorn: 1,
      firms_screened: 1200,
      halls_published: 600,
      service_teams: 10,
      firms_helped: 600,
      digital_commissioners: 1000,
      management_exemplars: 1000,
    },
    splits: {
      new_srdi_city: { dongchangfu: 30, chiping: 22, linqing: 24, yanggu: 16, shenxian: 14, donge: 14, guanxian: 14, gaotang: 14, etdz: 12, hitech: 14, jiangbei: 6 },
      new_srdi_provincial: { dongchangfu: 16, chiping: 12, linqing: 14, yanggu: 9, shenxian: 8, donge: 8, guanxian: 7, gaotang: 8, etdz: 7, hitech: 8, jiangbei: 3 },
    },
  },
];

const SECTIONS_2025 = {
  highlights:
    '全年新认定市级、省级专精特新企业数量稳步增长，梯度培育库持续扩容；十支专家服务团按“非请勿扰、有求必应”原则开展免费上门服务。\n\n千企在线展馆全年更新活跃，展馆访问与询盘线索较上年明显增加。（演示文本，内容虚构）',
  cases: '临清某轴承企业在服务团指导下完成精益生产改造，当年获评省级专精特新。（演示案例，企业为虚构）',
  problems: '部分县区年度数据填报不及时，少数企业研发投入仍低于认定门槛。',
  nextSteps: '提前启动年度数据更新，按县区督办；针对研发投入差距开展一对一辅导。',
};

/**
 * Seeds the demo's plans and targets, a published 2025 evaluation (so /reports/2025 shows on a fresh start) and the
 * open yearly data campaign for the last completed fiscal year, due 31 May of the next year (the 2026 national rules'
 * deadline). Runs after the register (it counts the register's titles).
 */
export async function insertEvaluationDemo(db: DbLike, today: string, bureauUserId: number | null = null): Promise<void> {
  const ids: number[] = [];
  for (const p of DEMO_PLANS) {
    const [row] = await db.insert(plans).values({ code: p.code, name: p.name, nameEn: p.nameEn, startYear: p.startYear, endYear: p.endYear, source: p.source }).returning();
    ids.push(row!.id);
    const rows = [
      ...Object.entries(p.targets).map(([indicator, target]) => ({ planId: row!.id, indicator, county: null, target })),
      ...Object.entries(p.splits).flatMap(([indicator, split]) => Object.entries(split).map(([county, target]) => ({ planId: row!.id, indicator, county: county as County, target: target! }))),
    ];
    await db.insert(planTargets).values(rows);
  }
  const second = DEMO_PLANS[1]!;
  const [plan] = await db.select().from(plans).where(eq(plans.id, ids[1]!));
  const reportYear = 2025;
  if (reportYear >= second.startYear && reportYear <= second.endYear && Number(today.slice(0, 4)) > reportYear) {
    await db.insert(reportDrafts).values({ kind: 'annual', year: reportYear, planId: plan!.id, sections: SECTIONS_2025 });
    await publishReport(db, { kind: 'annual', year: reportYear, plan: plan!, note: '', userId: bureauUserId });
  }
  const fiscalYear = Number(today.slice(0, 4)) - 1;
  await db.insert(dataCampaigns).values({ fiscalYear, dueDate: `${fiscalYear + 1}-05-31`, openedBy: bureauUserId });
}
