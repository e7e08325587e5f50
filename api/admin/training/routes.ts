/**
 * /api/admin/training — tracks' progress, events, attendee lists, completion, certificates. Every staff role reads
 * (scoped to its firms); bureau staff and administrators create events, mark completion and issue or revoke
 * certificates. Attendee lists are imported through /api/admin/imports (kind `attendances`, field `eventId`).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { isoDate } from '../../lib/fields.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { TRAINING_TRACKS } from '../../domain/training.ts';
import { validate } from '../../lib/validate.ts';
import { requireStaff } from '../scope.ts';
import { certificateFacts, certificateInScope, certificatePdf, issueCertificate, revokeCertificate } from './certificates.ts';
import { createEvent, eventWithAttendees, listEvents, setCompletion } from './events.ts';
import { trackProgress } from './progress.ts';

const MANAGERS = ['bureau', 'admin'] as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const eventBody = z
  .object({
    track: z.enum(TRAINING_TRACKS),
    title: z.string().trim().min(1).max(120),
    courses: z.string().max(2000).default(''),
    startsOn: isoDate,
    endsOn: isoDate,
    place: z.string().trim().max(200).default(''),
    online: z.boolean().default(false),
    providerId: z.number().int().positive().nullable().default(null),
  })
  .strict();
const listQuery = z.object({
  track: z.enum(TRAINING_TRACKS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const completionBody = z.object({ completed: z.boolean() }).strict();
const certificateBody = z.union([
  z.object({ attendanceId: z.number().int().positive() }).strict(),
  z.object({ traineeId: z.number().int().positive(), track: z.enum(TRAINING_TRACKS) }).strict(),
]);
const revokeBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

/**
 * GET /progress → `{ tracks: [{ track, completers, attendees, events, target }] }`; GET /events?track=&page= →
 * `{ items, total }`; POST /events → 201 event; GET /events/:id → `{ event, attendees }`; PATCH /attendances/:id
 * `{ completed }`; POST /certificates `{ attendanceId }` | `{ traineeId, track }` → 201 `{ id, code, issuedOn }`;
 * GET /certificates/:id/pdf → application/pdf; POST /certificates/:id/revoke `{ reason }`.
 */
export function trainingRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/progress', async (c) => c.json({ tracks: await trackProgress(ctx.db, requireStaff(c)) }))
    .get('/events', validate('query', listQuery), async (c) => c.json(await listEvents(ctx.db, requireStaff(c), c.req.valid('query'))))
    .post('/events', validate('json', eventBody), async (c) => {
      const user = requireStaff(c, MANAGERS);
      const event = await createEvent(ctx.db, user.id, c.req.valid('json'));
      return c.json({ ...event, createdAt: event.createdAt.toISOString(), updatedAt: event.updatedAt.toISOString() }, 201);
    })
    .get('/events/:id', validate('param', idParam), async (c) => c.json(await eventWithAttendees(ctx.db, requireStaff(c), c.req.valid('param').id)))
    .patch('/attendances/:id', validate('param', idParam), validate('json', completionBody), async (c) => {
      const user = requireStaff(c, MANAGERS);
      return c.json(await setCompletion(ctx.db, user, c.req.valid('param').id, c.req.valid('json').completed));
    })
    .post('/certificates', validate('json', certificateBody), async (c) => {
      const user = requireStaff(c, MANAGERS);
      const cert = await issueCertificate(ctx.db, user, c.req.valid('json'));
      return c.json({ id: cert.id, code: cert.code, issuedOn: cert.issuedOn }, 201);
    })
    .get('/certificates/:id/pdf', validate('param', idParam), async (c) => {
      const { c: cert, mobile } = await certificateInScope(ctx.db, requireStaff(c), c.req.valid('param').id);
      const pdf = await certificatePdf(certificateFacts(cert, mobile, ctx.config.publicUrl));
      const name = `结业证书-${cert.personName}-${cert.code}.pdf`;
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="certificate-${cert.code}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
    })
    .post('/certificates/:id/revoke', validate('param', idParam), validate('json', revokeBody), async (c) => {
      const user = requireStaff(c, MANAGERS);
      const cert = await revokeCertificate(ctx.db, user, c.req.valid('param').id, c.req.valid('json').reason);
      return c.json({ id: cert.id, code: cert.code, revokedAt: cert.revokedAt?.toISOString() ?? null });
    });
}
