/**
 * Shapes of the pre-evaluation (预评估): what a rule set reads about a firm, and the one JSON-friendly result every
 * rule set returns. Money is in 万元 (10,000 yuan) like the register's yearly data; percentages are percent (3 = 3 %).
 */
import type { Enterprise, TierRecognition } from '../../../db/schema/enterprises.ts';
import type { EnterpriseYear } from '../../../db/schema/register.ts';
import type { RuleVersion } from '../../../domain/program.ts';
import type { Message } from '../../../lib/errors.ts';

/** Firm facts a rule set reads (from `enterprises`). */
export type FirmFacts = Pick<Enterprise, 'foundedYear' | 'productField' | 'listed' | 'highTech' | 'industry' | 'sizeClass'>;

/** The yearly figures a rule set reads (from `enterprise_years`); null = not filled in. */
export type YearFacts = Pick<
  EnterpriseYear,
  | 'fiscalYear'
  | 'revenue'
  | 'mainRevenue'
  | 'rdSpend'
  | 'rdStaff'
  | 'employees'
  | 'totalAssets'
  | 'totalLiabilities'
  | 'netProfit'
  | 'ipClass1'
  | 'ipClass1Own'
  | 'ipClass1HighValue'
  | 'ipClass2'
  | 'inventionPatents'
  | 'digitalLevel'
  | 'qualityCertifications'
  | 'qualityAward'
  | 'ownBrand'
  | 'standardsDrafted'
  | 'standardsLed'
  | 'rdCentreLevel'
  | 'yearsInNiche'
  | 'equityFinancing'
  | 'officialScore'
  | 'officialScoreRule'
>;

/** A yearly figure's column name. */
export type YearField = Exclude<keyof YearFacts, 'fiscalYear' | 'officialScoreRule'>;

/** A title of the firm's ledger (from `tier_recognitions`), for prerequisites such as "already 专精特新". */
export type TitleFacts = Pick<TierRecognition, 'tier' | 'level' | 'status' | 'validTo'>;

export interface PreEvaluationInput {
  firm: FirmFacts;
  /** Any order, any years; the rule sets read `year`, `year - 1` and `year - 2`. */
  years: YearFacts[];
  titles: TitleFacts[];
  /** The evaluated "last year" (上年度), a fiscal year. */
  year: number;
  /** ISO date (YYYY-MM-DD) on which titles must be valid; defaults to the current UTC date. */
  today?: string;
}

export const RULESET_IDS = ['innovative-2022', 'srdi-2022', 'srdi-2026', 'little-giant-2026', 'gazelle-sd-2020'] as const;
export type RulesetId = (typeof RULESET_IDS)[number];

export type Unit = '%' | '万元' | '年' | '项' | '级' | '人' | '分';

/** One scored indicator of a table. `value` is null when a needed figure is missing (then `points` is 0). */
export interface IndicatorResult {
  key: string;
  block?: string;
  label: Message;
  value: number | null;
  unit: Unit;
  points: number;
  maxPoints: number;
  band: Message;
}

/** A block of a scored table with its minimum (创新型: innovation ≥ 20, growth ≥ 15, specialisation ≥ 15). */
export interface BlockResult {
  key: string;
  label: Message;
  points: number;
  maxPoints: number;
  minPoints: number | null;
}

/** A condition that must hold before any score counts. `ok` null = a needed figure is missing. */
export interface PrerequisiteResult {
  key: string;
  label: Message;
  ok: boolean | null;
  /** The firm's figure as read (a number in the prerequisite's unit, a text, or null when missing). */
  actual: number | string | boolean | null;
  /** The requirement in words, e.g. "≥ 3 %". */
  required: string;
}

/** A route that qualifies regardless of the score (e.g. 高新技术企业 for 创新型). `ok` null = figure missing. */
export interface DirectRouteResult {
  key: string;
  label: Message;
  ok: boolean | null;
}

/** What it would take: one concrete change towards a prerequisite, a block minimum or the next band. */
export interface Gap {
  key: string;
  message: Message;
  /** Money the change needs, in 万元 (rounded up), when it is money. */
  amountWan?: number;
  /** People the change needs, when it is head count. */
  persons?: number;
  /** Points the change would add (0 for prerequisites and missing figures). */
  points: number;
}

export type Verdict = 'likely' | 'unlikely' | 'insufficient_data';

/** The result of one rule set for one firm and year — always an estimate (the official score is computed elsewhere). */
export interface PreEvaluation {
  ruleset: RulesetId;
  ruleVersion: RuleVersion;
  title: Message;
  source: string;
  /** False when the rule set's numbers were found only second-hand (the 2026 prerequisites). */
  verified: boolean;
  estimate: true;
  year: number;
  indicators: IndicatorResult[];
  blocks: BlockResult[];
  /** Null for rule sets without a scored table (prerequisites or thresholds only). */
  total: number | null;
  maxTotal: number | null;
  passScore: number | null;
  prerequisites: PrerequisiteResult[];
  failedPrerequisites: string[];
  directRoutes: DirectRouteResult[];
  /** Figures needed but absent: `field:year` for yearly figures (e.g. `revenue:2025`), `field` for firm facts. */
  missing: string[];
  verdict: Verdict;
  /** Ordered: prerequisites and missing figures first, then by points gained. */
  gaps: Gap[];
  /** Caveats: estimate, unverified numbers, assumptions, parts left out. */
  notes: Message[];
}

/** A rule set: its identity and a pure evaluation. */
export interface RuleSet {
  id: RulesetId;
  ruleVersion: RuleVersion;
  title: Message;
  source: string;
  verified: boolean;
  evaluate(input: PreEvaluationInput): PreEvaluation;
}
