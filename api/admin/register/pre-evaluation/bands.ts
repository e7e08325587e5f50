/**
 * Band tables: a scored indicator's thresholds and points, read the way the published tables state them —
 * "以上/以下含本数": a value exactly on a boundary takes the higher band (the better-scoring one).
 */
import type { Message } from '../../../lib/errors.ts';
import { fmtNum } from './format.ts';
import type { Unit } from './types.ts';

/** A band: values at or beyond `at` (≥ for 'up' tables, ≤ for 'down' tables) score `points`. */
export interface Band {
  at: number;
  points: number;
}

/**
 * `up`: higher is better, bands best first with descending `at`, the last one at -Infinity.
 * `down`: lower is better (debt ratio), bands best first with ascending `at`, the last one at +Infinity.
 */
export interface BandTable {
  direction: 'up' | 'down';
  unit: Unit;
  bands: readonly Band[];
}

/**
 * Tolerance for values computed in floating point (percentages of 万元 figures): 3 % computed as 2.9999999999999996
 * is 3 %. Far below any meaningful difference (1e-7 percentage points).
 */
export const EPS = 1e-7;

/** Index of the band `value` falls in (0 = best). */
export function bandIndex(table: BandTable, value: number): number {
  const { bands } = table;
  const last = bands.length - 1;
  if (table.direction === 'up') {
    for (let i = 0; i < last; i++) if (value >= bands[i]!.at - EPS) return i;
  } else {
    for (let i = 0; i < last; i++) if (value <= bands[i]!.at + EPS) return i;
  }
  return last;
}

const LABELS = new WeakMap<BandTable, readonly Message[]>();

/**
 * The band's range as the tables print it: "≥ 5%", "3–5%", "< 1%"; "≤ 55%", "55–75%", "> 75%". Built once per table
 * and shared (frozen) by every result, so a bulk run does not rebuild the same strings.
 */
export function bandLabel(table: BandTable, i: number): Message {
  let labels = LABELS.get(table);
  if (!labels) {
    labels = Object.freeze(table.bands.map((_, j) => Object.freeze(buildLabel(table, j))));
    LABELS.set(table, labels);
  }
  return labels[i]!;
}

function buildLabel(table: BandTable, i: number): Message {
  const { bands, unit } = table;
  const u = unit === '%' ? '%' : ` ${unit}`;
  const at = bands[i]!.at;
  let text: string;
  if (i === 0) text = `${table.direction === 'up' ? '≥' : '≤'} ${fmtNum(at)}${u}`;
  else if (i === bands.length - 1) text = `${table.direction === 'up' ? '<' : '>'} ${fmtNum(bands[i - 1]!.at)}${u}`;
  else if (table.direction === 'up') text = `${fmtNum(at)}–${fmtNum(bands[i - 1]!.at)}${u}`;
  else text = `${fmtNum(bands[i - 1]!.at)}–${fmtNum(at)}${u}`;
  return { zh: text, en: text };
}

/** The maximum points of a table (its first band). */
export function tableMax(table: BandTable): number {
  return table.bands[0]!.points;
}
