import { glyphShape } from './notoSansSc.ts';

export interface TextPathOptions {
  /** Anchor point in SVG user units: the baseline's left, middle or right end. */
  readonly x: number;
  readonly y: number;
  /** Font size (em) in user units. */
  readonly size: number;
  readonly weight?: number;
  readonly anchor?: 'start' | 'middle' | 'end';
  /** Extra space between characters, in em. */
  readonly tracking?: number;
  /** Shrink the text horizontally to fit this width. */
  readonly maxWidth?: number;
}

const EM = 1000;

/** Width of text in em, as textToPathData lays it out. */
export function measureText(text: string, weight = 400, tracking = 0): number {
  let width = 0;
  const chars = [...text];
  for (const char of chars) width += (glyphShape(char, weight)?.advance ?? EM / 2) / EM;
  return width + tracking * Math.max(0, chars.length - 1);
}

/**
 * One SVG <path> for a line of text (no shaping: fine for Chinese signage, Latin letters and digits).
 * Text as outlines keeps rendering independent of the fonts installed on the machine.
 */
export function textToSvg(text: string, options: TextPathOptions, attributes = ''): string {
  const { size, weight = 400, anchor = 'start', tracking = 0 } = options;
  const natural = measureText(text, weight, tracking) * size;
  const squeeze = options.maxWidth && natural > options.maxWidth ? options.maxWidth / natural : 1;
  const width = natural * squeeze;
  const left = anchor === 'start' ? options.x : anchor === 'middle' ? options.x - width / 2 : options.x - width;
  let pen = 0;
  let d = '';
  for (const char of text) {
    const shape = glyphShape(char, weight);
    if (shape) d += `<path transform="translate(${pen} 0)" d="${shape.d}"/>`;
    pen += (shape?.advance ?? EM / 2) + tracking * EM;
  }
  const scale = size / EM;
  const transform = `translate(${r(left)} ${r(options.y)}) scale(${r(scale * squeeze, 5)} ${r(scale, 5)})`;
  return `<g transform="${transform}" ${attributes}>${d}</g>`;
}

const r = (v: number, digits = 2): number => Number(v.toFixed(digits));
