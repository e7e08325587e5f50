export * from './enterprises.ts';
export * from './halls.ts';
export * from './listings.ts';
export * from './leads.ts';
export * from './users.ts';
export * from './auth.ts';
export * from './analytics.ts';
export * from './panorama-jobs.ts';
