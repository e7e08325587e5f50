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
export const TIERS = ['above_scale', 'innovative', 'srdi', 'little_giant', 'gazelle', 'single_champion', 'unicorn'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_NAMES: Record<Tier, Message> = {
  above_scale: { zh: '小升规', en: 'Newly above designated size' },
  innovative: { zh: '创新型中小企业', en: 'Innovative SME' },
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

/**
 * The levels at which each title is designated (shared ADMIN.md "who designates what"): 小升规 is a city milestone,
 * 创新型 and 瞪羚 are provincial (some cities keep their own 瞪羚 lists), 小巨人 only national, 单项冠军 provincial or
 * national, 专精特新 city or provincial, 独角兽 provincial or national.
 */
export const TIER_LEVELS_OF: Record<Tier, readonly TierLevel[]> = {
  above_scale: ['city'],
  innovative: ['provincial'],
  srdi: ['city', 'provincial'],
  little_giant: ['national'],
  gazelle: ['city', 'provincial'],
  single_champion: ['provincial', 'national'],
  unicorn: ['provincial', 'national'],
};

/** Badge text of a recognition, e.g. 省级专精特新. */
export function tierLabel(tier: Tier, level: TierLevel, lang: 'zh' | 'en'): string {
  // 小巨人 and 单项冠军 are national by definition; naming the level again adds nothing.
  if (tier === 'little_giant' || tier === 'unicorn' || tier === 'above_scale' || tier === 'innovative') return TIER_NAMES[tier][lang];
  return lang === 'zh'
    ? `${TIER_LEVEL_NAMES[level].zh}${TIER_NAMES[tier].zh}`
    : `${TIER_LEVEL_NAMES[level].en} ${TIER_NAMES[tier].en.charAt(0).toLowerCase()}${TIER_NAMES[tier].en.slice(1)}`;
}

/**
 * The rule set a title was granted or an evaluation was made under. Sources: MIIT 工信部企业〔2022〕63号 (interim rules
 * for the gradient cultivation of high-quality SMEs, 2022); MIIT 工信部企业〔2026〕2号 (management rules in force from
 * 2026-04-01); Shandong's 瞪羚 rules of 2020 (鲁工信发〔2020〕… as summarised in shared ADMIN.md).
 */
export const RULE_VERSIONS = ['miit-2022', 'miit-2026', 'sd-gazelle-2020', 'other'] as const;
export type RuleVersion = (typeof RULE_VERSIONS)[number];

export const RULE_VERSION_NAMES: Record<RuleVersion, Message> = {
  'miit-2022': { zh: '工信部 2022 年暂行办法（工信部企业〔2022〕63号）', en: 'MIIT interim rules 2022' },
  'miit-2026': { zh: '工信部 2026 年管理办法（工信部企业〔2026〕2号）', en: 'MIIT rules 2026' },
  'sd-gazelle-2020': { zh: '山东省瞪羚企业认定标准（2020）', en: 'Shandong gazelle rules 2020' },
  other: { zh: '其他', en: 'Other' },
};

/** A title's state in the ledger; "expired" is also derived from valid_to when the status says designated. */
export const TITLE_STATUSES = ['designated', 'expired', 'revoked'] as const;
export type TitleStatus = (typeof TITLE_STATUSES)[number];

export const TITLE_STATUS_NAMES: Record<TitleStatus, Message> = {
  designated: { zh: '有效', en: 'Designated' },
  expired: { zh: '已到期', en: 'Expired' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};

/** Where a figure in the register came from. */
export const DATA_SOURCES = ['firm', 'bureau', 'import', 'official'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export const DATA_SOURCE_NAMES: Record<DataSource, Message> = {
  firm: { zh: '企业自报', en: 'Firm self-report' },
  bureau: { zh: '局录入', en: 'Entered by the bureau' },
  import: { zh: '批量导入', en: 'Spreadsheet import' },
  official: { zh: '官方平台', en: 'Official platform' },
};

/** 主导产品所属领域, as the 2022 专精特新 table scores it. */
export const PRODUCT_FIELDS = ['chain_gap', 'six_basics', 'strategic_emerging', 'other'] as const;
export type ProductField = (typeof PRODUCT_FIELDS)[number];

export const PRODUCT_FIELD_NAMES: Record<ProductField, Message> = {
  chain_gap: { zh: '补短板、锻长板、填空白', en: 'Fills a gap or strengthens a chain' },
  six_basics: { zh: '工业“六基”、老字号、服务业领先', en: 'Industrial basics, time-honoured brand or service leader' },
  strategic_emerging: { zh: '战略性新兴产业', en: 'Strategic emerging industry' },
  other: { zh: '其他', en: 'Other' },
};

/** Level of a firm's R&D institution (研发机构). */
export const RD_CENTRE_LEVELS = ['national', 'provincial', 'city', 'below_city'] as const;
export type RdCentreLevel = (typeof RD_CENTRE_LEVELS)[number];

export const RD_CENTRE_LEVEL_NAMES: Record<RdCentreLevel, Message> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  below_city: { zh: '市级以下', en: 'Below city' },
};
