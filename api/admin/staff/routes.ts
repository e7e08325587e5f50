import { Hono } from 'hono';
import { z } from 'zod';
import { COUNTIES } from '../../domain/program.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { idParam } from '../../lib/fields.ts';
import { validate } from '../../lib/validate.ts';
import { requireStaff, STAFF_ROLES } from '../scope.ts';
import { changeStaff, inviteStaff, listStaff } from './accounts.ts';
import { liaisonChoices } from './liaisons.ts';

const invite = z
  .object({
    email: z.email('邮箱格式不正确 (invalid e-mail)').max(200),
    role: z.enum(STAFF_ROLES),
    county: z.enum(COUNTIES).nullable().optional(),
  })
  .strict();
const change = z
  .object({ disabled: z.boolean().optional(), role: z.enum(STAFF_ROLES).optional(), county: z.enum(COUNTIES).nullable().optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容 (nothing to change)' });

/** Staff accounts under /api/admin/staff — administrators: list, invite, disable and re-scope; staff: the liaisons they may name. */
export function staffRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      requireStaff(c, ['admin']);
      return c.json({ items: await listStaff(ctx.db) });
    })
    // Whom the caller may name as a firm's 负责人 (the register's bulk action): not only for administrators.
    .get('/liaisons', async (c) => {
      const actor = requireStaff(c, ['county', 'bureau', 'admin']);
      return c.json({ items: await liaisonChoices(ctx.db, actor) });
    })
    .post('/invitations', validate('json', invite), async (c) => {
      const actor = requireStaff(c, ['admin']);
      const { token, invitation } = await inviteStaff(ctx.db, { ...c.req.valid('json'), invitedBy: actor.id });
      // The link is shown once to the inviting admin, who passes it on; it is never logged.
      return c.json({ link: `${ctx.config.publicUrl}/portal/invite/${token}`, expiresAt: invitation.expiresAt.toISOString() }, 201);
    })
    .patch('/:id', validate('json', change), async (c) => {
      const actor = requireStaff(c, ['admin']);
      const id = idParam.safeParse(c.req.param('id'));
      if (!id.success) throw new AppError(404, 'not_found', { zh: '找不到该工作人员', en: 'No such staff member' });
      const saved = await changeStaff(ctx.db, actor, id.data, c.req.valid('json'));
      return c.json({ id: saved.id, role: saved.role, county: saved.county, disabled: saved.disabled });
    });
}
