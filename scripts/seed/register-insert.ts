import type { DbLike } from '../../api/db/client.ts';
import { enterpriseYears, enterprises, tierRecognitions, users } from '../../api/db/schema/index.ts';
import { generateRegister } from './register-demo.ts';
import { refreshPreEvaluations } from '../../api/admin/register/pre-evaluations.ts';

/** Demo staff accounts (README lists them); like every demo account they sign in only in demo mode. */
export const DEMO_STAFF = [
  { email: 'bureau@demo.qianqi.example', displayName: '市工信局 王科长（演示）', role: 'bureau' as const, county: null },
  { email: 'admin@demo.qianqi.example', displayName: '平台管理员 李工（演示）', role: 'admin' as const, county: null },
  { email: 'linqing@demo.qianqi.example', displayName: '临清市工信局 张主任（演示）', role: 'county' as const, county: 'linqing' as const },
  { email: 'expert@demo.qianqi.example', displayName: '第三专家服务团 组长（演示）', role: 'expert' as const, county: null },
];

const chunks = <T>(rows: T[], size: number): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));

/**
 * Inserts the demo register (`count` fictional firms with yearly data and titles) and the demo staff accounts, in
 * the caller's transaction. Returns how many firms were added.
 */
export async function insertDemoRegister(db: DbLike, count: number, today: string, demoPasswordHash: string): Promise<number> {
  await db.insert(users).values(DEMO_STAFF.map((s) => ({ ...s, passwordHash: demoPasswordHash, demo: true })));
  // The demo halls' firms get yearly figures too, so their dossiers and pre-evaluations have data.
  const hallFirms = await db.select({ id: enterprises.id }).from(enterprises).orderBy(enterprises.id);
  const hallYears = generateRegister(hallFirms.length, today, 'halls').years;
  const hallRows = [...hallYears.values()].flatMap((list, i) => (hallFirms[i] ? list.map((y) => ({ ...y, enterpriseId: hallFirms[i]!.id })) : []));
  for (const batch of chunks(hallRows, 300)) await db.insert(enterpriseYears).values(batch);
  if (count === 0) {
    await refreshPreEvaluations(db, hallFirms.map((f) => f.id), today);
    return 0;
  }
  const { firms, years, titles } = generateRegister(count, today);
  const ids = new Map<string, number>();
  for (const batch of chunks(firms, 200)) {
    const rows = await db
      .insert(enterprises)
      .values(batch.map(({ strength: _strength, ...f }) => ({ ...f, fictional: true })))
      .returning({ id: enterprises.id, creditCode: enterprises.creditCode });
    for (const r of rows) ids.set(r.creditCode, r.id);
  }
  const yearRows = [...years].flatMap(([code, list]) => list.map((y) => ({ ...y, enterpriseId: ids.get(code)! })));
  for (const batch of chunks(yearRows, 300)) await db.insert(enterpriseYears).values(batch);
  const titleRows = [...titles].flatMap(([code, list]) => list.map((t) => ({ ...t, enterpriseId: ids.get(code)! })));
  for (const batch of chunks(titleRows, 300)) await db.insert(tierRecognitions).values(batch).onConflictDoNothing();
  await refreshPreEvaluations(db, [...hallFirms.map((f) => f.id), ...ids.values()], today);
  return firms.length;
}
