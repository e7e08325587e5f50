/** Recognising a sheet's columns by the headings people write, in any order (width, spaces, units and * folded). */
import type { Message } from '../../../lib/errors.ts';
import { AppError } from '../../../lib/errors.ts';
import type { ColumnSpec, KindSpec } from './declare.ts';
import { foldText } from './names.ts';

/** A heading's comparison form: folded, lower-case, required-marks (*) dropped. */
export function headingKey(heading: string): string {
  return foldText(heading).toLowerCase().replace(/^\*+|\*+$/g, '');
}

/** The same without a trailing unit in brackets: 营业收入（万元） → 营业收入. */
const withoutUnit = (key: string) => key.replace(/\([^()]*\)$/, '');

export interface ColumnMap {
  /** Sheet column index → column spec. */
  byIndex: Map<number, ColumnSpec>;
  /** Column key → sheet column index. */
  indexOf: Map<string, number>;
  /** Headings that are not columns of this kind (ignored). */
  extra: string[];
}

/** Maps the heading row to the kind's columns; 422 naming every missing required column. */
export function mapColumns(spec: KindSpec<never> | KindSpec<any>, headings: string[]): ColumnMap {
  const lookup = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    for (const h of column.headings) lookup.set(headingKey(h), column);
  }
  const byIndex = new Map<number, ColumnSpec>();
  const indexOf = new Map<string, number>();
  const extra: string[] = [];
  headings.forEach((heading, i) => {
    if (!heading) return;
    const key = headingKey(heading);
    const column = lookup.get(key) ?? lookup.get(withoutUnit(key));
    if (!column || indexOf.has(column.key)) {
      extra.push(heading);
      return;
    }
    byIndex.set(i, column);
    indexOf.set(column.key, i);
  });
  const missing = spec.required.filter((group) => !group.some((key) => indexOf.has(key)));
  if (missing.length > 0) {
    const names = missing.map((group) => group.map((key) => spec.columns.find((c) => c.key === key)!.headings[0]).join(' / '));
    throw new AppError(
      422,
      'import_missing_columns',
      { zh: `缺少必需的列：${names.join('、')}（可下载模板查看列名）`, en: `Required columns missing: ${names.join(', ')} (download the template to see the headings)` },
      { missing: names },
    );
  }
  return { byIndex, indexOf, extra };
}

/** The warning listing ignored columns. */
export function extraColumnsWarning(extra: string[]): Message | null {
  if (extra.length === 0) return null;
  const list = extra.slice(0, 20).join('、');
  return { zh: `以下列无法识别，已忽略：${list}`, en: `These columns are not recognised and were ignored: ${extra.slice(0, 20).join(', ')}` };
}
