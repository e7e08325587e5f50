import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { firmNotFound, firmScope, requireStaff } from '../admin/scope.ts';
import { firmInScope } from '../admin/register/queries.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { attachments, enterprises } from '../db/schema/index.ts';
import { AppError } from '../lib/errors.ts';
import { idParam } from '../lib/fields.ts';
import { validate } from '../lib/validate.ts';
import { notOwned, portalScope } from '../portal/scope.ts';
import { attachmentResponse, saveAttachment } from './store.ts';

const noSuchAttachment = () => new AppError(404, 'not_found', { zh: '找不到该附件', en: 'No such attachment' });

/**
 * A firm's own documents under /api/portal/enterprises/:enterpriseId/attachments: upload (201 AttachmentView) and
 * download. Records (applications, requests) then cite the returned id.
 */
export function portalAttachmentRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const scope = portalScope(ctx, c);
      const view = await saveAttachment(ctx.db, ctx.config.dataDir, c.req.raw, { enterpriseId: scope.enterpriseId, userId: scope.auth.user.id });
      await scope.changed('attachment.upload', 'attachment', view.id, null, { type: view.type, bytes: view.bytes });
      return c.json(view, 201);
    })
    .get('/:attachmentId', validate('param', z.object({ attachmentId: idParam })), async (c) => {
      const scope = portalScope(ctx, c);
      const [row] = await ctx.db
        .select()
        .from(attachments)
        .where(and(eq(attachments.id, c.req.valid('param').attachmentId), eq(attachments.enterpriseId, scope.enterpriseId)));
      if (!row) throw notOwned({ zh: '附件', en: 'attachment' });
      return attachmentResponse(ctx.config.dataDir, row);
    });
}

/**
 * Staff side: `POST /api/admin/enterprises/:id/attachments` (a firm in the caller's scope; county officers,
 * experts and the bureau) and `GET /api/admin/attachments/:id` (only when the firm it belongs to is in scope: 404
 * otherwise, never revealing that it exists).
 */
export function adminAttachmentRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/enterprises/:id/attachments', validate('param', z.object({ id: idParam })), async (c) => {
      const user = requireStaff(c);
      const firm = await firmInScope(ctx.db, user, c.req.valid('param').id);
      if (!firm) throw firmNotFound();
      return c.json(await saveAttachment(ctx.db, ctx.config.dataDir, c.req.raw, { enterpriseId: firm.id, userId: user.id }), 201);
    })
    .get('/attachments/:id', validate('param', z.object({ id: idParam })), async (c) => {
      const user = requireStaff(c);
      const [row] = await ctx.db
        .select({ attachment: attachments })
        .from(attachments)
        .innerJoin(enterprises, eq(enterprises.id, attachments.enterpriseId))
        .where(and(eq(attachments.id, c.req.valid('param').id), firmScope(user)));
      if (!row) throw noSuchAttachment();
      return attachmentResponse(ctx.config.dataDir, row.attachment);
    });
}
