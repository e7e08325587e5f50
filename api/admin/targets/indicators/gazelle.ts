import { designationIndicator } from './designations.ts';

/** New 瞪羚 firms, city or provincial lists, each firm once (target 2021–2023: 20). */
export const newGazelles = designationIndicator('new_gazelle', 'gazelle', ['city', 'provincial']);
