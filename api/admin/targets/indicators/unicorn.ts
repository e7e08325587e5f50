import { designationIndicator } from './designations.ts';

/** New 独角兽, provincial or national lists, each firm once (target 2021–2023: the first one, ≥ 1). */
export const newUnicorns = designationIndicator('new_unicorn', 'unicorn', ['provincial', 'national']);
