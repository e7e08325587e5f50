import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { MAX_QUERY_CHARS } from '../../db/queries/search-text.ts';
import { AppError } from '../../lib/errors.ts';
import { validate } from '../../lib/validate.ts';
import { suggest } from '../queries/suggest.ts';

// Length is checked below, so the message can say what to do rather than what zod saw.
const suggestQuery = z.object({ q: z.string().trim().max(10_000) });

/** Search-as-you-type suggestions for the directory and home search boxes: GET /api/suggest?q=… → { items }. */
export function suggestRoutes(ctx: AppContext) {
  return new Hono().get('/', validate('query', suggestQuery), async (c) => {
    const q = c.req.valid('query').q;
    if (q.length === 0) throw new AppError(400, 'query_empty', { zh: '请输入搜索词', en: 'Type something to search for' });
    if ([...q].length > MAX_QUERY_CHARS) {
      throw new AppError(400, 'query_too_long', {
        zh: `搜索词太长：最多 ${MAX_QUERY_CHARS} 个字`,
        en: `The search is too long: at most ${MAX_QUERY_CHARS} characters`,
      });
    }
    const items = await suggest(ctx.db, q);
    // Suggestions follow edits within seconds; a short shared cache absorbs a burst of keystrokes.
    c.header('Cache-Control', 'public, max-age=10');
    return c.json({ items });
  });
}
