import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { Config } from '../../api/config.ts';
import type { Db } from '../../api/db/client.ts';
import { enterprises } from '../../api/db/schema/index.ts';
import { publishPanorama } from '../../api/media/panoramas.ts';
import { demoFirms } from '../../content/demo/firms.ts';
import type { DemoFirm } from '../../content/demo/types.ts';
import { renderShowroom, type IndustryKey } from '../demo-panorama/index.ts';
import { hashPassword } from '../../api/auth/passwords.ts';
import { DEMO_PASSWORD } from './demo-rows.ts';
import { insertDemoFirm } from './insert.ts';
import { insertDemoRegister } from './register-insert.ts';
import { insertDemoServicePool } from './service-pool-insert.ts';
import { insertEvaluationDemo } from './evaluation-demo.ts';
import { insertDemoTraining } from './training-demo.ts';
import { insertDemoOutcomes } from './outcomes-demo.ts';
import { insertDemoSelection } from './selection-insert.ts';
import { insertDemoServices } from './services-demo.ts';
import { refreshSearchIndex } from '../../api/db/queries/search-index.ts';
import { todayInChina } from '../../api/lib/dates.ts';

const GENERATOR_INDUSTRY: Record<DemoFirm['industry'], IndustryKey> = {
  bearings: 'bearings',
  steel_pipes: 'steel-pipes',
  aluminium: 'aluminium',
  ejiao_tcm: 'ejiao',
  auto_parts: 'auto-parts',
  cables: 'cables',
  agri_food: 'agri-food',
  paper: 'paper',
  textiles: 'textiles',
  chemicals: 'chemicals',
  new_materials: 'new-materials',
  biomedicine: 'bio-medicine',
  equipment: 'auto-parts',
  digital: 'new-materials',
};

/** Seeds the fictional demo firms when the register is empty; never touches a database that has data. */
export async function seedDemoIfEmpty(ctx: { config: Config; db: Db }, firms: DemoFirm[] = demoFirms): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(enterprises);
  if ((row?.n ?? 0) > 0) return false;
  const started = Date.now();
  console.log(`首次启动：生成 ${firms.length} 家演示企业的全景展馆 Seeding ${firms.length} fictional demo firms…`);

  // Panoramas first: they are content-addressed files, so an interrupted seed leaves nothing half-made
  // that a rerun would not reuse. The rows then go in one transaction.
  const mediaDir = join(ctx.config.dataDir, 'media');
  const work = await mkdtemp(join(tmpdir(), 'qianqi-seed-'));
  const panoramaIds = new Map<string, string>();
  try {
    for (const [f, firm] of firms.entries()) {
      for (const [s, scene] of firm.scenes.entries()) {
        const jpeg = await renderShowroom({
          firmName: firm.name,
          sceneTitle: scene.title,
          kind: scene.kind,
          industry: GENERATOR_INDUSTRY[firm.industry],
          seed: `${firm.slug}/${s}`,
          width: ctx.config.demoPanoramaWidth,
          signs: scene.signs,
        });
        const file = join(work, `${f}-${s}.jpg`);
        await writeFile(file, jpeg);
        const panorama = await publishPanorama(ctx.db, mediaDir, file);
        panoramaIds.set(`${firm.slug}/${s}`, panorama.id);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ctx.db.transaction(async (tx) => {
    for (const [n, firm] of firms.entries()) await insertDemoFirm(tx, firm, n, panoramaIds, new Date(), passwordHash);
  });
  const registerStarted = Date.now();
  const added = await ctx.db.transaction((tx) => insertDemoRegister(tx, ctx.config.demoRegisterFirms, todayInChina(), passwordHash));
  const pool = await ctx.db.transaction((tx) => insertDemoServicePool(tx));
  console.log(`演示服务资源池 Demo service pool: ${pool.providers} providers, ${pool.experts} experts, ${pool.teams} teams serving ${pool.firms} firms`);
  const services = await ctx.db.transaction((tx) => insertDemoServices(tx, todayInChina()));
  console.log(`演示服务记录 Demo services: ${services.requests} requests, ${services.visits} visits, ${services.consents} consents`);
  const selection = await ctx.db.transaction((tx) => insertDemoSelection(tx, Number(todayInChina().slice(0, 4)), [...new Set(panoramaIds.values())], passwordHash, ctx.config.demoCohortHalls));
  console.log(`演示遴选 Demo selection: ${selection.selected} selected in 2021–2025 (${selection.published} halls published), ${selection.current} applications this year, ${selection.reviewers} reviewers`);
  const training = await ctx.db.transaction((tx) => insertDemoTraining(tx));
  const outcomes = await ctx.db.transaction((tx) => insertDemoOutcomes(tx));
  console.log(`演示培训与成果 Demo training: ${training.events} events, ${training.people} people, ${training.attendances} attendances, ${training.certificates} certificates; ${outcomes.outcomes} outcomes (${outcomes.verified} verified)`);
  // Plans, targets, the published 2025 evaluation and the open data campaign count what the demo made above.
  await ctx.db.transaction((tx) => insertEvaluationDemo(tx, todayInChina()));
  // Index the new firms now rather than on the first visitor's search.
  await refreshSearchIndex(ctx.db);
  console.log(`演示企业库 Demo register: ${added} fictional firms, indexed, in ${((Date.now() - registerStarted) / 1000).toFixed(1)} s`);
  console.log(`演示数据已生成 Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
