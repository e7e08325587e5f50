import type { DbLike } from '../../../db/client.ts';
import type { County } from '../../../domain/program.ts';
import type { Message } from '../../../lib/errors.ts';

/** Dashboard and report sections an indicator belongs to. */
export const INDICATOR_SECTIONS = ['titles', 'register', 'halls', 'services', 'training', 'outcomes'] as const;
export type IndicatorSection = (typeof INDICATOR_SECTIONS)[number];

/** What an indicator counts, in words for the page (firms, people, teams, visits, leads …). */
export type IndicatorUnit = 'firms' | 'people' | 'teams' | 'visits' | 'leads';

/** The window an indicator counts in: the plan's years, optionally one year of it and one area. */
export interface IndicatorQuery {
  startYear: number;
  endYear: number;
  /** Only what falls in this year (must lie within start..end). */
  year?: number;
  county?: County;
}

/**
 * One counted thing: a firm, person or team id, the area it is counted in (null: city-wide, e.g. a team), the year
 * it falls in (null: undated) and its weight (1 unless the indicator sums, e.g. visits).
 */
export interface CountedRow {
  id: number;
  county: County | null;
  year: number | null;
  weight?: number;
}

/** An indicator's result: the figure, its split by area and by year, and what to drill into. */
export interface IndicatorCount {
  actual: number;
  byCounty: Partial<Record<County, number>>;
  byYear: Record<number, number>;
  /** The ids counted (firms, people or teams per `drillKind`), for the drill-down list. */
  drill: number[];
}

/**
 * An indicator of the registry: ONE module per indicator (api/admin/targets/indicators/<name>.ts). `rows` reads the
 * candidate rows of the plan's window from the database; `tallyRows` applies the year and area and counts.
 */
export interface Indicator {
  code: string;
  section: IndicatorSection;
  unit: IndicatorUnit;
  /** What the drill ids are: firms (enterprises.id), teams (service_teams.id), people (trainees.id: one person per mobile number). */
  drillKind: 'firms' | 'teams' | 'people';
  names: Message;
  /** The counting rule in words, shown beside every figure and in the report. */
  rule: Message;
  /** Sums weights (visits) instead of counting distinct ids. */
  weighted?: boolean;
  /** Heavy counters may be served up to this old on the dashboard (see memo.ts); reports always count afresh. */
  cacheMs?: number;
  rows(db: DbLike, window: { startYear: number; endYear: number }): Promise<CountedRow[]>;
}
