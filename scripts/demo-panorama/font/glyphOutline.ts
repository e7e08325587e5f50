/** A TrueType outline point: quadratic B-spline control points, on- or off-curve. */
export interface OutlinePoint {
  x: number;
  y: number;
  onCurve: boolean;
  endContour: boolean;
}

const fmt = (v: number): string => String(Math.round(v * 10) / 10);

/**
 * SVG path data for TrueType contours, in font units with y flipped (SVG y grows downward).
 * Two consecutive off-curve points imply an on-curve point halfway between them.
 */
export function contoursToSvgPath(points: readonly OutlinePoint[], dx = 0, dy = 0): string {
  let d = '';
  let start = 0;
  for (let i = 0; i < points.length; i++) {
    if (!points[i]!.endContour && i !== points.length - 1) continue;
    d += contourPath(points.slice(start, i + 1), dx, dy);
    start = i + 1;
  }
  return d;
}

function contourPath(contour: readonly OutlinePoint[], dx: number, dy: number): string {
  const n = contour.length;
  if (n < 2) return '';
  const X = (p: { x: number }): string => fmt(p.x + dx);
  const Y = (p: { y: number }): string => fmt(-(p.y + dy));
  const mid = (a: OutlinePoint, b: OutlinePoint): OutlinePoint => ({
    x: (a.x + b.x) / 2,
    y: (a.y + b.y) / 2,
    onCurve: true,
    endContour: false,
  });
  // Start on an on-curve point; an all-off-curve contour starts between its first two points.
  let first = contour.findIndex((p) => p.onCurve);
  const startPoint = first >= 0 ? contour[first]! : mid(contour[0]!, contour[1]!);
  if (first < 0) first = 0;
  let d = `M${X(startPoint)} ${Y(startPoint)}`;
  let control: OutlinePoint | undefined;
  for (let k = 1; k <= n; k++) {
    const p = k === n && contour[first]!.onCurve ? startPoint : contour[(first + k) % n]!;
    if (p.onCurve) {
      d += control ? `Q${X(control)} ${Y(control)} ${X(p)} ${Y(p)}` : `L${X(p)} ${Y(p)}`;
      control = undefined;
    } else if (control) {
      const m = mid(control, p);
      d += `Q${X(control)} ${Y(control)} ${X(m)} ${Y(m)}`;
      control = p;
    } else {
      control = p;
    }
  }
  if (control) d += `Q${X(control)} ${Y(control)} ${X(startPoint)} ${Y(startPoint)}`;
  return d + 'Z';
}
