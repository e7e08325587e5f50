import { designationIndicator } from './designations.ts';

/** New city-level 专精特新 designations (target 2021–2023: 150). */
export const newSrdiCity = designationIndicator('new_srdi_city', 'srdi', ['city']);
