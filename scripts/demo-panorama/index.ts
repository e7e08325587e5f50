/** Deterministic demo-showroom panoramas for the seeded demo halls. */
export { renderShowroom } from './render.ts';
export { SCENE_KINDS, DEFAULT_SIGNS, type SceneKind, type ShowroomSpec } from './spec.ts';
export { INDUSTRY_KEYS, INDUSTRY_LOOKS, resolvePalette, type IndustryKey, type ShowroomPalette } from './palettes.ts';
