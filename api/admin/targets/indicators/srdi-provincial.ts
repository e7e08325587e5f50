import { designationIndicator } from './designations.ts';

/** New provincial 专精特新 designations (target 2021–2023: 80). */
export const newSrdiProvincial = designationIndicator('new_srdi_provincial', 'srdi', ['provincial']);
