import { firmsScreened } from './firms-screened.ts';
import { newGazelles } from './gazelle.ts';
import { hallDeals } from './hall-deals.ts';
import { hallLeads } from './hall-leads.ts';
import { hallVisits } from './hall-visits.ts';
import { hallsPublished } from './halls-published.ts';
import { newLittleGiants } from './little-giant.ts';
import { firmsHelped } from './requests-resolved.ts';
import { serviceTeamsFormed } from './service-teams.ts';
import { serviceVisitsDone } from './service-visits.ts';
import { newSingleChampions } from './single-champion.ts';
import { newSrdiCity } from './srdi-city.ts';
import { newSrdiProvincial } from './srdi-provincial.ts';
import { digitalCommissioners, managementExemplars } from './training-completers.ts';
import type { Indicator } from './types.ts';
import { newUnicorns } from './unicorn.ts';
import { firmsWithOutcomes } from './verified-outcomes.ts';

/**
 * The registry of indicators, in the order the dashboard and the report show them. Adding an indicator (e.g. firms
 * diagnosed by the 百千万 action) is one module here plus, if the plan sets a number, a plan_targets row.
 */
export const INDICATORS: readonly Indicator[] = [
  newSrdiCity,
  newSrdiProvincial,
  newLittleGiants,
  newGazelles,
  newSingleChampions,
  newUnicorns,
  firmsScreened,
  hallsPublished,
  hallVisits,
  hallLeads,
  hallDeals,
  serviceTeamsFormed,
  firmsHelped,
  serviceVisitsDone,
  digitalCommissioners,
  managementExemplars,
  firmsWithOutcomes,
];

/** The indicator of a code, or undefined (a plan may name an indicator whose module arrives later). */
export function indicatorOf(code: string): Indicator | undefined {
  return INDICATORS.find((i) => i.code === code);
}

export type { Indicator } from './types.ts';
