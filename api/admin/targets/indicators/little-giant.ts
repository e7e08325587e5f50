import { designationIndicator } from './designations.ts';

/** New national 专精特新“小巨人” (target 2021–2023: 20). */
export const newLittleGiants = designationIndicator('new_little_giant', 'little_giant', ['national']);
