import type { CubeFace } from '../../../viewer/geometry/cube.ts';
import { svgDocument, type FaceContext } from './context.ts';
import { backWall, frontWall, sideWall } from './layouts.ts';
import { ceilingFace, floorFace, wallShell } from './shell.ts';

/** The six cube faces of a showroom as SVG documents of size × size pixels. */
export function showroomFaceSvgs(ctx: FaceContext, size: number): Record<CubeFace, string> {
  const wall = (content: string): string => {
    const shell = wallShell(ctx);
    return svgDocument(size, shell.body + content, shell.defs);
  };
  const s = ctx.signs;
  // Paint in a fixed order: the seeded random stream is shared, so order is part of the output.
  const f = wall(frontWall(ctx));
  const r = wall(sideWall(ctx, [s[0] ?? '', s[1] ?? '']));
  const b = wall(backWall(ctx));
  const l = wall(sideWall(ctx, [s[2] ?? s[0] ?? '', s[3] ?? s[1] ?? '']));
  const floor = floorFace(ctx);
  const ceiling = ceilingFace(ctx);
  return { f, r, b, l, u: svgDocument(size, ceiling.body, ceiling.defs), d: svgDocument(size, floor.body, floor.defs) };
}
