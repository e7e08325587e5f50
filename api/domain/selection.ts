/**
 * Vocabulary of the yearly selection (千企 hall cohort) and the title recommendation rounds: round kinds, round
 * phases and application states. The state machine itself is api/admin/selection/workflow.ts.
 */
import type { Message } from '../lib/errors.ts';

/** hall: the yearly ~200-firm cohort of online halls; title: the city's recommendation of firms for a title. */
export const ROUND_KINDS = ['hall', 'title'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

/** A round's phase: the rubric is editable only in `draft`; from `open` on it is frozen. */
export const ROUND_STATES = ['draft', 'open', 'review', 'notice', 'closed'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_STATE_NAMES: Record<RoundState, Message> = {
  draft: { zh: '筹备中', en: 'Draft' },
  open: { zh: '申报中', en: 'Open for applications' },
  review: { zh: '评审中', en: 'In review' },
  notice: { zh: '公示中', en: 'Public notice' },
  closed: { zh: '已结束', en: 'Closed' },
};

/** Every state an application can be in (ADMIN.md's observed workflow: 申报 → 初审 → 审核 → 评审 → 公示 → 决定). */
export const APPLICATION_STATES = [
  'submitted',
  'returned',
  'county_declined',
  'city_review',
  'city_declined',
  'expert_review',
  'proposed',
  'notice',
  'selected',
  'not_selected',
  'recommended',
  'title_granted',
  'title_not_granted',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** States still waiting for the county, the city or the experts: a round cannot go to 公示 while any remain. */
export const UNDECIDED_STATES: ApplicationState[] = ['submitted', 'returned', 'city_review', 'expert_review'];

/** Where an application came from: the firm applied in the portal, or staff nominated it from the register. */
export const APPLICATION_ORIGINS = ['applied', 'nominated'] as const;
export type ApplicationOrigin = (typeof APPLICATION_ORIGINS)[number];

/** One indicator of a rubric: experts score it 0..max; the weight turns it into points of a 100-point total. */
export interface RubricIndicator {
  key: string;
  name: string;
  nameEn: string;
  /** Share of the total, in percent; a rubric's weights add up to 100. */
  weight: number;
}

/** A round's rubric with its version (bumped on every edit before the round opens). */
export interface Rubric {
  version: number;
  indicators: RubricIndicator[];
}

/**
 * The default hall-cohort rubric (issue 10: industry fit, tier, growth, innovation, digitalisation, readiness of a
 * showroom for 360° photos). Weights are the bureau's to set; these are a starting point, not a published rule.
 */
export const HALL_RUBRIC: Rubric = {
  version: 1,
  indicators: [
    { key: 'industry_fit', name: '产业契合度', nameEn: 'Industry fit', weight: 20 },
    { key: 'tier', name: '梯度层级', nameEn: 'Tier in the gradient', weight: 15 },
    { key: 'growth', name: '成长性', nameEn: 'Growth', weight: 20 },
    { key: 'innovation', name: '创新能力', nameEn: 'Innovation', weight: 20 },
    { key: 'digital', name: '数字化水平', nameEn: 'Digitalisation', weight: 10 },
    { key: 'showroom', name: '展厅实景拍摄条件', nameEn: 'Showroom ready for 360° photos', weight: 15 },
  ],
};

/**
 * The default title-round rubric: the firm's pre-evaluation points (api/admin/register/pre-evaluation, taken from the
 * register, not scored by the experts — see selection/pre-evaluation-points.ts) weigh 60, the experts' judgement 40.
 */
export const TITLE_RUBRIC: Rubric = {
  version: 1,
  indicators: [
    { key: 'pre_evaluation', name: '预评估得分', nameEn: 'Pre-evaluation points', weight: 60 },
    { key: 'material', name: '申报材料质量', nameEn: 'Quality of the material', weight: 20 },
    { key: 'prospects', name: '发展前景', nameEn: 'Prospects', weight: 20 },
  ],
};
