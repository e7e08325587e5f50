import { COUNTY_NAMES, INDUSTRY_NAMES, SIZE_CLASS_NAMES, tierLabel, TITLE_STATUS_NAMES } from '../../domain/program.ts';
import { chinaDateTime } from '../../lib/dates.ts';
import type { TableCell } from '../../lib/table-export.ts';
import type { RegisterRow } from './queries.ts';

/** Columns of a register export, zh-CN with English, in the order of the register list. */
export const REGISTER_EXPORT_COLUMNS = [
  '统一社会信用代码 Credit code',
  '企业名称 Name',
  '所在县区 Area',
  '行业 Industry',
  '规模 Size',
  '称号 Titles',
  '展馆 Hall',
  '营业收入（万元） Revenue (10k yuan)',
  '数据完整 Data complete',
  '标签 Tags',
  '更新时间 Updated',
];

/** As the register page says it (site/admin/strings.ts). */
const HALL = { none: '未建展馆', draft: '草稿', published: '已发布', suspended: '已停用' } as const;

/** One row of text cells per firm, in the columns above. */
export function registerRows(rows: RegisterRow[]): TableCell[][] {
  return rows.map((r) => [
    r.creditCode,
    r.name,
    COUNTY_NAMES[r.county].zh,
    INDUSTRY_NAMES[r.industry].zh,
    SIZE_CLASS_NAMES[r.sizeClass].zh,
    r.titles.map((t) => `${t.year} ${tierLabel(t.tier, t.level, 'zh')}（${TITLE_STATUS_NAMES[t.status].zh}）`).join('；'),
    HALL[r.hallStatus ?? 'none'],
    r.revenue === null ? '' : r.revenue,
    r.dataComplete ? '是' : '否',
    r.tags.join('，'),
    chinaDateTime(r.updatedAt).slice(0, 10),
  ]);
}
