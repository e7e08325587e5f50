import { eastFirms } from './firms-east.ts';
import { westFirms } from './firms-west.ts';
import type { DemoFirm } from './types.ts';

/** The demo data set: fictional firms across the city's counties and industries. */
export const demoFirms: DemoFirm[] = [...westFirms, ...eastFirms];
