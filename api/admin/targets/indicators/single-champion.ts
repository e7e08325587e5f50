import { designationIndicator } from './designations.ts';

/** New 单项冠军, provincial or national, each firm once (target 2021–2023: 20). */
export const newSingleChampions = designationIndicator('new_single_champion', 'single_champion', ['provincial', 'national']);
