import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { LEAD_KINDS, LEAD_STATUSES, leadNotes, leads } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { idParam, plainText } from '../../lib/fields.ts';
import { requireChanges } from '../../lib/patch.ts';
import { validate } from '../../lib/validate.ts';
import { leadsCsv, leadsXlsx } from '../lead-export.ts';
import { assertColleague, leadView, listLeads, notesOf, ownedLead } from '../leads.ts';
import { portalScope } from '../scope.ts';
import { cvDir, cvDownloadName } from '../../public/routes/lead-cv.ts';

const leadParam = validate('param', z.object({ leadId: idParam }));
const filter = z.object({ status: z.enum(LEAD_STATUSES).optional(), kind: z.enum(LEAD_KINDS).optional() });
const leadPatch = z.object({ status: z.enum(LEAD_STATUSES), assigneeUserId: idParam.nullable() }).partial();

/** The leads inbox: inquiries, applications and investment intents for this enterprise only. */
export function portalLeadRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', validate('query', filter), async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      return c.json(await listLeads(ctx.db, enterpriseId, c.req.valid('query')));
    })
    .get('/export', validate('query', filter.extend({ format: z.enum(['csv', 'xlsx']).default('csv') })), async (c) => {
      const scope = portalScope(ctx, c);
      const { format, ...f } = c.req.valid('query');
      const rows = await listLeads(ctx.db, scope.enterpriseId, f, 100_000);
      await scope.changed('lead.export', 'lead', format, null, { count: rows.length });
      const stamp = new Date().toISOString().slice(0, 10);
      const disposition = (ext: string) => `attachment; filename="leads-${stamp}.${ext}"`;
      if (format === 'xlsx') {
        return c.body(new Uint8Array(await leadsXlsx(rows)), 200, {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': disposition('xlsx'),
          'Cache-Control': 'private, no-store',
        });
      }
      return c.body(leadsCsv(rows), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': disposition('csv'),
        'Cache-Control': 'private, no-store',
      });
    })
    .get('/:leadId', leadParam, async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      const lead = await ownedLead(ctx.db, enterpriseId, c.req.valid('param').leadId);
      return c.json({ ...leadView(lead), notes: await notesOf(ctx.db, lead.id) });
    })
    .patch('/:leadId', leadParam, validate('json', leadPatch), async (c) => {
      const scope = portalScope(ctx, c);
      const lead = await ownedLead(ctx.db, scope.enterpriseId, c.req.valid('param').leadId);
      const patch = requireChanges(c.req.valid('json'));
      if (patch.assigneeUserId != null) await assertColleague(ctx.db, scope.enterpriseId, patch.assigneeUserId);
      const [row] = await ctx.db.update(leads).set(patch).where(eq(leads.id, lead.id)).returning();
      await scope.changed('lead.update', 'lead', lead.id, null, patch);
      return c.json(leadView(row!));
    })
    .post('/:leadId/notes', leadParam, validate('json', z.object({ body: plainText(2000, 1) })), async (c) => {
      const scope = portalScope(ctx, c);
      const lead = await ownedLead(ctx.db, scope.enterpriseId, c.req.valid('param').leadId);
      const [note] = await ctx.db.insert(leadNotes).values({ leadId: lead.id, userId: scope.auth.user.id, body: c.req.valid('json').body }).returning();
      await scope.changed('lead.note', 'lead', lead.id, null);
      return c.json(note, 201);
    })
    .get('/:leadId/cv', leadParam, async (c) => {
      const scope = portalScope(ctx, c);
      const lead = await ownedLead(ctx.db, scope.enterpriseId, c.req.valid('param').leadId);
      if (!lead.cvFile || !/^[a-f0-9]{32}\.(pdf|docx)$/.test(lead.cvFile)) {
        throw new AppError(404, 'not_found', { zh: '该线索没有附件简历', en: 'This lead has no CV' });
      }
      const file = join(cvDir(ctx.config.dataDir), lead.cvFile);
      const info = await stat(file);
      await scope.changed('lead.cv_download', 'lead', lead.id, null);
      const type = lead.cvType === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      // The name is the server's, never the applicant's (`简历.bat`, `cv.pdf.exe`…): 简历-<lead>.pdf, ASCII fallback cv-<lead>.pdf.
      const cvType = lead.cvType === 'docx' ? 'docx' : 'pdf';
      const name = encodeURIComponent(cvDownloadName(lead.id, cvType));
      return c.body(Readable.toWeb(createReadStream(file)) as ReadableStream, 200, {
        'Content-Type': type,
        'Content-Length': String(info.size),
        // Always a download, never rendered in our origin.
        'Content-Disposition': `attachment; filename="cv-${lead.id}.${cvType}"; filename*=UTF-8''${name}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      });
    });
}
