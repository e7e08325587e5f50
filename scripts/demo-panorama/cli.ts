/**
 * Writes sample demo panoramas for eyeballing:
 *   node scripts/demo-panorama/cli.ts <out-dir> [width]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderShowroom } from './render.ts';
import type { ShowroomSpec } from './spec.ts';

/** One scene of each kind, across several industries. */
export const SAMPLE_SPECS: readonly ShowroomSpec[] = [
  { firmName: '临清华东精密轴承有限公司', sceneTitle: '展厅入口', kind: 'entrance', industry: 'bearings', seed: 1 },
  { firmName: '临清华东精密轴承有限公司', sceneTitle: '产品展区', kind: 'products', industry: 'bearings', seed: 2 },
  { firmName: '东阿福胶堂阿胶股份有限公司', sceneTitle: '产品展区', kind: 'products', industry: 'ejiao', seed: 3 },
  { firmName: '茌平鑫铝新材料有限公司', sceneTitle: '生产车间', kind: 'workshop', industry: 'aluminium', seed: 4 },
  { firmName: '聊城康瑞生物医药科技有限公司', sceneTitle: '研发中心', kind: 'lab', industry: 'bio-medicine', seed: 5 },
  { firmName: '莘县绿源蔬菜食品有限公司', sceneTitle: '招商洽谈区', kind: 'meeting', industry: 'agri-food', seed: 6 },
];

export async function main(argv: readonly string[]): Promise<void> {
  const [outDir, widthArg] = argv;
  if (!outDir) throw new Error('usage: node scripts/demo-panorama/cli.ts <out-dir> [width]');
  const width = widthArg ? Number(widthArg) : 4096;
  await mkdir(outDir, { recursive: true });
  for (const [i, spec] of SAMPLE_SPECS.entries()) {
    const started = performance.now();
    const jpeg = await renderShowroom({ ...spec, width });
    const file = join(outDir, `${i + 1}-${spec.industry}-${spec.kind}.jpg`);
    await writeFile(file, jpeg);
    console.log(`${file}  ${(jpeg.length / 1024).toFixed(0)} KiB  ${(performance.now() - started).toFixed(0)} ms`);
  }
}

if (import.meta.main) await main(process.argv.slice(2));
