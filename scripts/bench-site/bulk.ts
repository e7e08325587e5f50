import { eq } from 'drizzle-orm';
import type { Db } from '../../api/db/client.ts';
import { enterprises, halls, jobs, products, scenes, tierRecognitions } from '../../api/db/schema/index.ts';
import { COUNTIES, INDUSTRIES, INDUSTRY_NAMES } from '../../api/domain/program.ts';
import { withCheckChar } from '../../api/domain/credit-code.ts';

const WORDS = ['精密', '高速', '耐磨', '节能', '智能', '重载', '微型', '环保', '数控', '复合'];
const THINGS = ['轴承', '钢管', '铝型材', '电缆', '阀门', '齿轮', '滤芯', '纸箱', '面料', '胶囊'];

/**
 * Adds bench firms until there are `hallCount` published halls and about `productCount` products, each hall with a
 * cover scene reusing an existing panorama (so cards have posters) and a few jobs. Idempotent per firm slug.
 */
export async function seedBulk(db: Db, hallCount: number, productCount: number): Promise<void> {
  const existing = (await db.select({ id: halls.id }).from(halls)).length;
  const [pano] = await db.select({ id: scenes.panoramaId }).from(scenes).where(eq(scenes.position, 0)).limit(1);
  const perFirm = Math.ceil(productCount / hallCount);
  for (let n = existing; n < hallCount; n++) {
    await db.transaction(async (tx) => {
      const industry = INDUSTRIES[n % INDUSTRIES.length]!;
      const thing = THINGS[n % THINGS.length]!;
      const [ent] = await tx
        .insert(enterprises)
        .values({
          creditCode: withCheckChar(`91371500MB${String(1000000 + n).slice(-7)}`),
          name: `聊城${WORDS[n % WORDS.length]}${thing}第${n}厂有限公司`,
          slug: `bench-firm-${n}`,
          county: COUNTIES[n % COUNTIES.length]!,
          industry,
          sizeClass: 'small',
          intro: `基准测试企业，主营${INDUSTRY_NAMES[industry].zh}与${thing}。`,
          fictional: true,
        })
        .returning({ id: enterprises.id });
      const [hall] = await tx.insert(halls).values({ enterpriseId: ent!.id, status: 'published', tagline: `${thing}专业制造`, publishedAt: new Date() }).returning();
      if (pano?.id) await tx.insert(scenes).values({ hallId: hall!.id, position: 0, title: '展厅', panoramaId: pano.id });
      if (n % 5 === 0) await tx.insert(tierRecognitions).values({ enterpriseId: ent!.id, tier: 'srdi', level: 'city', year: 2025, verified: true });
      await tx.insert(products).values(
        Array.from({ length: perFirm }, (_, i) => ({
          enterpriseId: ent!.id,
          name: `${WORDS[(n + i) % WORDS.length]}${THINGS[(n + i) % THINGS.length]} ${n}-${i} 型`,
          summary: `适用于${INDUSTRY_NAMES[industry].zh}行业的${thing}产品。`,
          specs: [['型号', `${n}-${i}`]] as [string, string][],
          priceFen: i % 3 === 0 ? null : 10_000 + i * 100,
        })),
      );
      await tx.insert(jobs).values({ enterpriseId: ent!.id, title: `${thing}装配工`, salaryMin: 4000, salaryMax: 7000, validUntil: '2999-12-31' });
    });
  }
}
