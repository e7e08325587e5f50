import { COUNTY_NAMES } from '../../domain/program.ts';
import { OUTCOME_SOURCE_NAMES, OUTCOME_TYPE_NAMES, OUTCOME_UNITS } from '../../domain/outcomes.ts';
import { chinaDateTime } from '../../lib/dates.ts';
import type { TableCell } from '../../lib/table-export.ts';
import type { OutcomeView } from './queries.ts';

/** Columns of the outcomes export, zh-CN with English. */
export const OUTCOME_EXPORT_COLUMNS = [
  '编号 No.',
  '企业名称 Firm',
  '所在县区 Area',
  '成果类型 Type',
  '数值 Value',
  '单位 Unit',
  '取得日期 Achieved on',
  '来源 Source',
  '来源编号 Source id',
  '来源名称 Source title',
  '说明 Description',
  '证明材料 Evidence',
  '登记人 Recorded by',
  '核实状态 Verified',
  '核实人 Verified by',
  '核实时间 Verified at',
];

/** One row per outcome; values stay numbers so a spreadsheet can sum them. */
export function outcomeRows(rows: OutcomeView[]): TableCell[][] {
  return rows.map((o) => [
    o.id,
    o.firmName,
    COUNTY_NAMES[o.county].zh,
    OUTCOME_TYPE_NAMES[o.type].zh,
    o.value,
    OUTCOME_UNITS[o.type].zh,
    o.achievedOn,
    o.sourceKind ? OUTCOME_SOURCE_NAMES[o.sourceKind].zh : '',
    o.sourceId ?? '',
    o.sourceTitle ?? '',
    o.description,
    o.evidence.map((e) => e.name).join('；'),
    o.recordedByName ?? '',
    o.verified ? '已核实' : '未核实',
    o.verifiedByName ?? '',
    o.verifiedAt ? chinaDateTime(o.verifiedAt) : '',
  ]);
}
