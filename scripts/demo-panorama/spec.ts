import type { IndustryKey, ShowroomPalette } from './palettes.ts';

/** The kinds of scene a demo hall is made of; each furnishes its walls differently. */
export const SCENE_KINDS = ['entrance', 'products', 'workshop', 'lab', 'meeting'] as const;
export type SceneKind = (typeof SCENE_KINDS)[number];

/** What one demo panorama shows. Same spec → byte-identical JPEG. */
export interface ShowroomSpec {
  /** The firm's name, on the back wall (yaw 180°). */
  readonly firmName: string;
  /** The scene's title, e.g. "产品展区", on the front wall (yaw 0). */
  readonly sceneTitle: string;
  readonly kind: SceneKind;
  /** Picks the colour palette and the products on display. */
  readonly industry: IndustryKey;
  /** Overrides for single colours of the industry's palette. */
  readonly palette?: Partial<ShowroomPalette>;
  /** Varies layout details (tile shades, product counts) between scenes of one firm. */
  readonly seed: number | string;
  /** Equirectangular width in pixels (height = width / 2). Default 4096. */
  readonly width?: number;
  /** Zone signs on the side walls, e.g. ["智能制造", "质量检测"]; defaults depend on the kind. */
  readonly signs?: readonly string[];
}

/** Default zone signs per kind, used when the spec gives none. */
export const DEFAULT_SIGNS: Record<SceneKind, readonly string[]> = {
  entrance: ['企业简介', '发展历程', '荣誉资质', '合作伙伴'],
  products: ['主营产品', '新品发布', '应用案例', '技术参数'],
  workshop: ['智能制造', '安全生产', '精益管理', '质量控制'],
  lab: ['研发中心', '质量检测', '创新成果', '专利技术'],
  meeting: ['招商合作', '洽谈区', '人才招聘', '客户服务'],
};

export const DEFAULT_WIDTH = 4096;
