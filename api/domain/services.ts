/**
 * The service side of the program (see shared PROGRAM.md, "Eight support actions" and the named service items):
 * stable codes stored in the database with their names in both UI languages.
 */
import type { Message } from '../lib/errors.ts';

/** 八大帮扶提升行动 — the plan's eight support actions, in the plan's order. */
export const SUPPORT_ACTIONS = [
  'srdi_upgrade',
  'high_potential',
  'service_platform',
  'financing',
  'innovation',
  'management',
  'digitalisation',
  'green',
] as const;
export type SupportAction = (typeof SUPPORT_ACTIONS)[number];

export const SUPPORT_ACTION_NAMES: Record<SupportAction, Message> = {
  srdi_upgrade: { zh: '专精特新提升行动', en: 'SRDI upgrading' },
  high_potential: { zh: '高成长企业培优行动', en: 'Cultivating high-potential firms' },
  service_platform: { zh: '公共服务平台建设行动', en: 'Public service platform ("1+10+N")' },
  financing: { zh: '融资服务行动', en: 'Financing services' },
  innovation: { zh: '创新能力提升行动', en: 'Innovation capacity (R&D, patents, standards)' },
  management: { zh: '管理提升“百千万”行动', en: 'Management "100-1,000-10,000"' },
  digitalisation: { zh: '数字化赋能行动', en: 'Digitalisation' },
  green: { zh: '绿色发展行动', en: 'Green industrial ecosystem' },
};

/** Named service items (服务事项) and the support action each belongs to. */
export const SERVICE_ITEMS = [
  'site_management',
  'lean_production',
  'brand_marketing',
  'human_resources',
  'finance_tax',
  'policy',
  'legal',
  'financing',
  'digital',
  'ip_standards',
  'title_application',
  'energy_saving',
] as const;
export type ServiceItem = (typeof SERVICE_ITEMS)[number];

export const SERVICE_ITEM_NAMES: Record<ServiceItem, Message> = {
  site_management: { zh: '现场管理', en: 'On-site management' },
  lean_production: { zh: '精益生产', en: 'Lean production' },
  brand_marketing: { zh: '品牌营销', en: 'Brand marketing' },
  human_resources: { zh: '人力资源', en: 'Human resources' },
  finance_tax: { zh: '财税规划', en: 'Finance and tax planning' },
  policy: { zh: '政策解读', en: 'Policy interpretation' },
  legal: { zh: '法律服务', en: 'Legal services' },
  financing: { zh: '融资对接', en: 'Financing' },
  digital: { zh: '数字化改造', en: 'Digital transformation' },
  ip_standards: { zh: '知识产权与标准', en: 'IP and standards' },
  title_application: { zh: '梯度培育申报辅导', en: 'Coaching for title applications' },
  energy_saving: { zh: '节能降碳', en: 'Energy saving and carbon reduction' },
};

export const SERVICE_ITEM_ACTION: Record<ServiceItem, SupportAction> = {
  site_management: 'management',
  lean_production: 'management',
  brand_marketing: 'high_potential',
  human_resources: 'management',
  finance_tax: 'management',
  policy: 'service_platform',
  legal: 'service_platform',
  financing: 'financing',
  digital: 'digitalisation',
  ip_standards: 'innovation',
  title_application: 'srdi_upgrade',
  energy_saving: 'green',
};

/** Life of a provider's or an expert's admission to the alliance / pool (动态管理). */
export const POOL_STATUSES = ['pending', 'active', 'suspended', 'retired'] as const;
export type PoolStatus = (typeof POOL_STATUSES)[number];

export const POOL_STATUS_NAMES: Record<PoolStatus, Message> = {
  pending: { zh: '待审核', en: 'Awaiting admission' },
  active: { zh: '在库', en: 'Active' },
  suspended: { zh: '暂停', en: 'Suspended' },
  retired: { zh: '退出', en: 'Retired' },
};

/** A team member's part: an expert (lead or member) or the bureau's 服务专员 (liaison, a staff account). */
export const TEAM_ROLES = ['lead', 'member', 'liaison'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TEAM_ROLE_NAMES: Record<TeamRole, Message> = {
  lead: { zh: '组长', en: 'Team lead' },
  member: { zh: '组员', en: 'Member' },
  liaison: { zh: '服务专员', en: 'Service liaison' },
};
