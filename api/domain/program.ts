/**
 * The cultivation program's vocabulary (see shared PROGRAM.md): stable codes stored in the database,
 * with their names in both UI languages. One place for these words.
 */
import type { Message } from '../lib/errors.ts';

export const COUNTIES = [
  'dongchangfu',
  'chiping',
  'linqing',
  'yanggu',
  'shenxian',
  'donge',
  'guanxian',
  'gaotang',
  'etdz',
  'hitech',
  'jiangbei',
] as const;
export type County = (typeof COUNTIES)[number];

export const COUNTY_NAMES: Record<County, Message> = {
  dongchangfu: { zh: '东昌府区', en: 'Dongchangfu District' },
  chiping: { zh: '茌平区', en: 'Chiping District' },
  linqing: { zh: '临清市', en: 'Linqing City' },
  yanggu: { zh: '阳谷县', en: 'Yanggu County' },
  shenxian: { zh: '莘县', en: 'Shen County' },
  donge: { zh: '东阿县', en: "Dong'e County" },
  guanxian: { zh: '冠县', en: 'Guan County' },
  gaotang: { zh: '高唐县', en: 'Gaotang County' },
  etdz: { zh: '聊城经济技术开发区', en: 'Liaocheng Economic & Technological Development Zone' },
  hitech: { zh: '聊城高新技术产业开发区', en: 'Liaocheng High-tech Industrial Development Zone' },
  jiangbei: { zh: '江北水城旅游度假区', en: 'Jiangbei Water City Tourist Resort' },
};

export const INDUSTRIES = [
  'bearings',
  'steel_pipes',
  'aluminium',
  'ejiao_tcm',
  'auto_parts',
  'cables',
  'agri_food',
  'paper',
  'textiles',
  'chemicals',
  'new_materials',
  'biomedicine',
  'equipment',
  'digital',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const INDUSTRY_NAMES: Record<Industry, Message> = {
  bearings: { zh: '轴承', en: 'Bearings' },
  steel_pipes: { zh: '钢管', en: 'Steel pipes' },
  aluminium: { zh: '有色金属·铝', en: 'Aluminium & non-ferrous metals' },
  ejiao_tcm: { zh: '阿胶·中医药', en: 'Ejiao & traditional medicine' },
  auto_parts: { zh: '汽车零部件', en: 'Auto parts' },
  cables: { zh: '电线电缆', en: 'Cables' },
  agri_food: { zh: '蔬菜·农副食品', en: 'Vegetables & agri-food' },
  paper: { zh: '造纸', en: 'Paper' },
  textiles: { zh: '纺织', en: 'Textiles' },
  chemicals: { zh: '化工', en: 'Chemicals' },
  new_materials: { zh: '新材料', en: 'New materials' },
  biomedicine: { zh: '生物医药', en: 'Bio-medicine' },
  equipment: { zh: '装备制造', en: 'Equipment manufacturing' },
  digital: { zh: '数字经济', en: 'Digital economy' },
};

export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const SIZE_CLASS_NAMES: Record<SizeClass, Message> = {
  micro: { zh: '微型', en: 'Micro' },
  small: { zh: '小型', en: 'Small' },
  medium: { zh: '中型', en: 'Medium' },
  large: { zh: '大型', en: 'Large' },
};

/** The gradient of cultivation, lowest rung first. */
export const TIERS = ['above_scale', 'srdi', 'little_giant', 'gazelle', 'single_champion', 'unicorn'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_NAMES: Record<Tier, Message> = {
  above_scale: { zh: '小升规', en: 'Newly above designated size' },
  srdi: { zh: '专精特新', en: 'Specialised & innovative SME' },
  little_giant: { zh: '专精特新“小巨人”', en: '“Little giant”' },
  gazelle: { zh: '瞪羚企业', en: 'Gazelle' },
  single_champion: { zh: '单项冠军', en: 'Single champion' },
  unicorn: { zh: '独角兽', en: 'Unicorn' },
};

export const TIER_LEVELS = ['city', 'provincial', 'national'] as const;
export type TierLevel = (typeof TIER_LEVELS)[number];

export const TIER_LEVEL_NAMES: Record<TierLevel, Message> = {
  city: { zh: '市级', en: 'City' },
  provincial: { zh: '省级', en: 'Provincial' },
  national: { zh: '国家级', en: 'National' },
};

/** Badge text of a recognition, e.g. 省级专精特新. */
export function tierLabel(tier: Tier, level: TierLevel, lang: 'zh' | 'en'): string {
  // 小巨人 and 单项冠军 are national by definition; naming the level again adds nothing.
  if (tier === 'little_giant' || tier === 'unicorn' || tier === 'above_scale') return TIER_NAMES[tier][lang];
  return lang === 'zh'
    ? `${TIER_LEVEL_NAMES[level].zh}${TIER_NAMES[tier].zh}`
    : `${TIER_LEVEL_NAMES[level].en} ${TIER_NAMES[tier].en.toLowerCase()}`;
}
