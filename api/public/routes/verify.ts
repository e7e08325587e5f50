import { Hono } from 'hono';
import { z } from 'zod';
import { verifyCertificate } from '../../admin/training/certificates.ts';
import type { AppContext } from '../../context.ts';
import { validate } from '../../lib/validate.ts';

const codeParam = z.object({ code: z.string().max(64) });

/**
 * GET /api/verify/:code — anyone holding a certificate checks it: `{ status: 'valid' | 'revoked' | 'unknown',
 * certificate? }` (always 200, so the answer does not differ by kind of failure), showing no more than the
 * printed certificate (the mobile masked).
 */
export function verifyRoutes(ctx: AppContext) {
  return new Hono().get('/:code', validate('param', codeParam), async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await verifyCertificate(ctx.db, c.req.valid('param').code));
  });
}
