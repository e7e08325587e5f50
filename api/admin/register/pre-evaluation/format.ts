/** Number and money text for the pre-evaluation's messages (zh-CN and en), without Intl for speed. */

/** A number with at most 2 decimals, trailing zeros dropped, thousands separated: 1234.5 → "1,234.5". */
export function fmtNum(x: number): string {
  const r = Math.round(x * 100) / 100;
  const abs = r < 0 ? -r : r;
  // The common case (percentages, points, small amounts) needs no grouping: no regex, no split.
  if (abs < 1000) return String(r);
  const text = String(abs);
  const dot = text.indexOf('.');
  const int = dot < 0 ? text : text.slice(0, dot);
  let grouped = '';
  for (let i = int.length; i > 0; i -= 3) grouped = int.slice(Math.max(0, i - 3), i) + (grouped ? `,${grouped}` : '');
  return `${r < 0 ? '-' : ''}${grouped}${dot < 0 ? '' : text.slice(dot)}`;
}

/**
 * Money needed, rounded up: to 0.1 万元 (¥1,000) below 10 万元, to whole 万元 (¥10,000) above — an estimate should not
 * promise a threshold is met by a figure that falls just short of it. Non-positive → 0.
 */
export function ceilWan(wan: number): number {
  if (!(wan > 0)) return 0;
  const step = wan < 10 ? 0.1 : 1;
  // The small tolerance keeps 60.000000000001 (floating-point noise) at 60.
  return Math.round(Math.ceil(wan / step - 1e-6) * step * 10) / 10;
}

/** "60 万元". */
export function wanZh(wan: number): string {
  return `${fmtNum(wan)} 万元`;
}

/** 60 万元 → "¥600k"; 1,234 万元 → "¥12.34M"; 25,000 万元 → "¥250M". */
export function wanEn(wan: number): string {
  const yuan = wan * 10_000;
  if (Math.abs(yuan) >= 1e6) return `¥${fmtNum(yuan / 1e6)}M`;
  return `¥${fmtNum(yuan / 1e3)}k`;
}

/** "2.4%" (zh) or "2.4 %" (en) style figure with its unit. */
export function withUnit(value: number, unit: string, lang: 'zh' | 'en'): string {
  if (unit === '%') return lang === 'zh' ? `${fmtNum(value)}%` : `${fmtNum(value)} %`;
  if (lang === 'en') {
    if (unit === '万元') return wanEn(value);
    return unit === '级' ? `level ${fmtNum(value)}` : `${fmtNum(value)} ${EN_UNITS[unit] ?? unit}`;
  }
  return `${fmtNum(value)} ${unit}`;
}

const EN_UNITS: Record<string, string> = { 年: 'years', 项: 'items', 人: 'people', 分: 'points' };
