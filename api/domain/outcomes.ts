/**
 * Outcome types of the 千企服务成果数据库 (service outcomes database, issue 11 item 8), with the unit of each value:
 * money in 万元 (10,000 yuan) as the program's forms state it, counts as whole numbers, the digital level as the level
 * reached (中小企业数字化水平评测, 1–4).
 */
import type { Message } from '../lib/errors.ts';

export const OUTCOME_TYPES = ['title_gained', 'financing', 'patents', 'standards', 'costs_saved', 'digital_level', 'jobs_created', 'lead_deal'] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

export const OUTCOME_TYPE_NAMES: Record<OutcomeType, Message> = {
  title_gained: { zh: '获得称号', en: 'Title gained' },
  financing: { zh: '获得融资', en: 'Financing obtained' },
  patents: { zh: '专利', en: 'Patents' },
  standards: { zh: '标准', en: 'Standards' },
  costs_saved: { zh: '降本增效', en: 'Costs saved' },
  digital_level: { zh: '数字化水平提升', en: 'Digital level raised' },
  jobs_created: { zh: '新增就业', en: 'Jobs created' },
  lead_deal: { zh: '展馆线索成交', en: 'Deal from a hall lead' },
};

/** The unit of each type's value. */
export const OUTCOME_UNITS: Record<OutcomeType, Message> = {
  title_gained: { zh: '项', en: 'titles' },
  financing: { zh: '万元', en: '10k yuan' },
  patents: { zh: '件', en: 'patents' },
  standards: { zh: '项', en: 'standards' },
  costs_saved: { zh: '万元', en: '10k yuan' },
  digital_level: { zh: '级', en: 'level' },
  jobs_created: { zh: '人', en: 'jobs' },
  lead_deal: { zh: '万元', en: '10k yuan' },
};

/** Types whose value is a count or a level (a whole number); the others are amounts in 万元. */
export const WHOLE_NUMBER_TYPES: readonly OutcomeType[] = ['title_gained', 'patents', 'standards', 'digital_level', 'jobs_created'];

/** What produced an outcome: a firm's request, a visit, or a training event (ids of those tables). */
export const OUTCOME_SOURCES = ['request', 'visit', 'training'] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

export const OUTCOME_SOURCE_NAMES: Record<OutcomeSource, Message> = {
  request: { zh: '企业诉求', en: 'Request' },
  visit: { zh: '入企服务', en: 'Visit' },
  training: { zh: '培训', en: 'Training' },
};
