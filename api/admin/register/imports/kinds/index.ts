/** Every import kind, by its name in the API. */
import type { ImportKind } from '../../../../db/schema/index.ts';
import type { KindSpec } from '../declare.ts';
import { attendancesKind } from './attendances.ts';
import { enterprisesKind } from './enterprises.ts';
import { titlesKind } from './titles.ts';
import { yearlyKind } from './yearly.ts';

export const IMPORT_SPECS: Record<ImportKind, KindSpec<any>> = {
  enterprises: enterprisesKind,
  yearly: yearlyKind,
  titles: titlesKind,
  attendances: attendancesKind,
};
