/**
 * How one cell of an import is read: each parser turns what people type (full-width digits, 1,234.5, 2024年,
 * 临清市 / 临清, 是/否, 2024/3/1 …) into a value, or into an error message in both languages.
 */
import { creditCodeCheckChar, normalizeCreditCode } from '../../../domain/credit-code.ts';
import type { Message } from '../../../lib/errors.ts';
import { areaOf, foldText } from './names.ts';
import type { Cell } from './sheet.ts';

/** A parsed cell: a value, nothing (empty: leave the stored value alone), or a problem. */
export type Parsed<T> = { value: T } | { empty: true } | { error: Message };
export type CellParser<T = unknown> = (cell: Cell) => Parsed<T>;

const EMPTY = { empty: true } as const;
const isBlank = (cell: Cell) => cell === null || (typeof cell === 'string' && foldText(cell) === '');

/** Text up to `max` characters (spaces trimmed, inner spacing kept). */
export const text =
  (max: number): CellParser<string> =>
  (cell) => {
    if (isBlank(cell)) return EMPTY;
    const value = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
    if (value.length > max) return { error: { zh: `超过 ${max} 个字符`, en: `Longer than ${max} characters` } };
    return { value };
  };

/** 统一社会信用代码: full-width and spaces folded; a wrong check character names the right one. */
export const creditCode: CellParser<string> = (cell) => {
  if (isBlank(cell)) return EMPTY;
  const code = normalizeCreditCode(String(cell));
  if (code.length !== 18) {
    return { error: { zh: `统一社会信用代码应为 18 位（现为 ${code.length} 位）`, en: `A unified social credit code has 18 characters (this has ${code.length})` } };
  }
  const check = creditCodeCheckChar(code.slice(0, 17));
  if (!check) return { error: { zh: '统一社会信用代码含非法字符（不使用 I、O、Z、S、V）', en: 'The credit code contains characters that are not allowed (no I, O, Z, S, V)' } };
  if (check !== code[17]) {
    return { error: { zh: `统一社会信用代码校验位错误（末位应为 ${check}）`, en: `Wrong check character in the credit code (the last character should be ${check})` } };
  }
  return { value: code };
};

/** A number as typed: 1,234.5 / １２３ / " 12 " accepted; text such as 一千 or 12万 is an error. */
export const number: CellParser<number> = (cell) => {
  if (isBlank(cell)) return EMPTY;
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell } : { error: notANumber(String(cell)) };
  const raw = foldText(String(cell)).replace(/,/g, '');
  const value = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isFinite(value) ? { value } : { error: notANumber(String(cell)) };
};

function notANumber(shown: string): Message {
  const short = shown.length > 20 ? `${shown.slice(0, 20)}…` : shown;
  return { zh: `“${short}”不是数字`, en: `"${short}" is not a number` };
}

/** A whole number (counts, years). */
export const integer: CellParser<number> = (cell) => {
  const parsed = number(cell);
  if ('value' in parsed && !Number.isInteger(parsed.value)) return { error: { zh: '应为整数', en: 'Must be a whole number' } };
  return parsed;
};

/** A year written as 2024, 2024年 or 2024年度. */
export const year: CellParser<number> = (cell) => {
  if (typeof cell === 'string') return integer(foldText(cell).replace(/年度?$/, ''));
  if (cell instanceof Date) return { value: cell.getUTCFullYear() };
  return integer(cell);
};

/** A reporting area by any of the names people write. */
export const area: CellParser<string> = (cell) => {
  if (isBlank(cell)) return EMPTY;
  const county = areaOf(String(cell));
  return county
    ? { value: county }
    : { error: { zh: `无法识别的县区“${String(cell).slice(0, 20)}”`, en: `Unknown area "${String(cell).slice(0, 20)}"` } };
};

/** A code from a vocabulary, found by its code, Chinese or English name (width and spaces folded). */
export function vocabulary<T extends string>(names: Record<T, Message>, what: Message, aliases: Record<string, T> = {}): CellParser<T> {
  const index = new Map<string, T>();
  for (const [code, name] of Object.entries(names) as [T, Message][]) {
    for (const key of [code, name.zh, name.en]) index.set(foldText(key).toLowerCase(), code);
  }
  for (const [alias, code] of Object.entries(aliases)) index.set(foldText(alias).toLowerCase(), code);
  return (cell) => {
    if (isBlank(cell)) return EMPTY;
    const code = index.get(foldText(String(cell)).toLowerCase());
    return code ? { value: code } : { error: { zh: `无法识别的${what.zh}“${String(cell).slice(0, 20)}”`, en: `Unknown ${what.en} "${String(cell).slice(0, 20)}"` } };
  };
}

/** 是/否, Y/N, true/false, 1/0. */
export const yesNo: CellParser<boolean> = (cell) => {
  if (isBlank(cell)) return EMPTY;
  if (typeof cell === 'boolean') return { value: cell };
  const key = foldText(String(cell)).toLowerCase();
  if (['是', 'y', 'yes', 'true', '1', '有'].includes(key)) return { value: true };
  if (['否', 'n', 'no', 'false', '0', '无'].includes(key)) return { value: false };
  return { error: { zh: '应填“是”或“否”', en: 'Should be yes or no (是/否)' } };
};

/** A date as YYYY-MM-DD: a date cell, 2024-03-01, 2024/3/1, 2024.3.1 or 2024年3月1日. */
export const date: CellParser<string> = (cell) => {
  if (isBlank(cell)) return EMPTY;
  if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) };
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(foldText(String(cell)));
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
  const valid = m && !Number.isNaN(Date.parse(iso)) && new Date(iso).toISOString().slice(0, 10) === iso;
  return valid ? { value: iso } : { error: { zh: '日期格式应为 YYYY-MM-DD', en: 'Dates as YYYY-MM-DD' } };
};
