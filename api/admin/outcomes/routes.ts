/**
 * /api/admin/outcomes — the service outcomes database. Every staff role lists and records outcomes of the firms in
 * its scope (experts their team's, county officers their area's); bureau staff and administrators verify them.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { isoDate } from '../../lib/fields.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { COUNTIES } from '../../domain/program.ts';
import { OUTCOME_SOURCES, OUTCOME_TYPES } from '../../domain/outcomes.ts';
import { todayInChina } from '../../lib/dates.ts';
import { tableXlsx } from '../../lib/table-export.ts';
import { validate } from '../../lib/validate.ts';
import { requireStaff } from '../scope.ts';
import { OUTCOME_EXPORT_COLUMNS, outcomeRows } from './export.ts';
import { exportOutcomes, listOutcomes, recordOutcome, verifyOutcome } from './queries.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const filterQuery = z.object({
  type: z.enum(OUTCOME_TYPES).optional(),
  county: z.enum(COUNTIES).optional(),
  source: z.enum(OUTCOME_SOURCES).optional(),
  verified: z.enum(['yes', 'no']).optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const outcomeBody = z
  .object({
    enterpriseId: z.number().int().positive(),
    type: z.enum(OUTCOME_TYPES),
    value: z.number().min(0).max(100_000_000),
    achievedOn: isoDate,
    description: z.string().trim().max(2000).default(''),
    sourceKind: z.enum(OUTCOME_SOURCES).nullable().default(null),
    sourceId: z.number().int().positive().nullable().default(null),
    leadId: z.number().int().positive().nullable().default(null),
    attachmentIds: z.array(z.number().int().positive()).max(20).default([]),
  })
  .strict()
  // An outcome has been achieved: not after today (China), and not before the programme (2021).
  .refine((o) => o.achievedOn <= todayInChina() && o.achievedOn >= '2021-01-01', { path: ['achievedOn'], message: '取得日期应在 2021 年 1 月 1 日至今天之间 (the date achieved lies between 1 January 2021 and today)' });

const filterOf = (q: z.infer<typeof filterQuery>) => ({ ...q, verified: q.verified === undefined ? undefined : q.verified === 'yes' });

/**
 * GET / ?type=&county=&source=&verified=yes|no&enterpriseId=&from=&to=&page= → `{ items, total }`;
 * GET /export.xlsx (same filters); POST / → 201 outcome; POST /:id/verify → the verified outcome.
 */
export function outcomeRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', validate('query', filterQuery), async (c) => {
      const q = c.req.valid('query');
      return c.json(await listOutcomes(ctx.db, requireStaff(c), filterOf(q), q.page, q.pageSize));
    })
    .get('/export.xlsx', validate('query', filterQuery), async (c) => {
      const rows = await exportOutcomes(ctx.db, requireStaff(c), filterOf(c.req.valid('query')));
      const name = `服务成果-${todayInChina()}.xlsx`;
      return c.body(new Uint8Array(await tableXlsx(OUTCOME_EXPORT_COLUMNS, outcomeRows(rows))), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="outcomes.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
    })
    .post('/', validate('json', outcomeBody), async (c) => {
      const row = await recordOutcome(ctx.db, requireStaff(c), c.req.valid('json'));
      return c.json({ ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(), verifiedAt: null }, 201);
    })
    .post('/:id/verify', validate('param', idParam), async (c) => {
      const row = await verifyOutcome(ctx.db, requireStaff(c, ['bureau', 'admin']), c.req.valid('param').id);
      return c.json({ id: row.id, verifiedBy: row.verifiedBy, verifiedAt: row.verifiedAt?.toISOString() ?? null });
    });
}
