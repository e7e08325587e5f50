import { describe, expect, it } from 'vitest';
import { contoursToSvgPath } from './glyphOutline.ts';
import { glyphShape } from './notoSansSc.ts';
import { measureText, textToSvg } from './textPath.ts';

describe('Chinese signage text', () => {
  it('draws CJK characters from the bundled font, whatever fonts the machine has', () => {
    const shape = glyphShape('展', 700);
    expect(shape?.advance).toBe(1000);
    expect(shape?.d).toMatch(/^M[-\d. ]+/);
    expect(textToSvg('产品展区', { x: 0, y: 0, size: 10 })).not.toContain('<text');
  });

  it('applies the weight to the variable font, not only its thin default master', () => {
    expect(glyphShape('展', 700)!.d).not.toBe(glyphShape('展', 100)!.d);
  });

  it('measures CJK text at one em per character', () => {
    expect(measureText('智能制造')).toBeCloseTo(4, 5);
    expect(glyphShape('\u{10FFFD}', 400)).toBeNull();
  });

  it('turns off-curve runs into quadratic curves with implied on-curve midpoints', () => {
    const p = (x: number, y: number, onCurve: boolean, endContour = false) => ({ x, y, onCurve, endContour });
    expect(contoursToSvgPath([p(0, 0, true), p(10, 0, false), p(10, 10, false), p(0, 10, true, true)])).toBe(
      'M0 0Q10 0 10 -5Q10 -10 0 -10L0 0Z',
    );
  });
});
