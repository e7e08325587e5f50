import { and, eq, gt, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { enterprises, mailOutbox, policyApplications, users } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { idParam } from '../../lib/fields.ts';
import { enqueueMail } from '../../mail/index.ts';
import { validate } from '../../lib/validate.ts';
import { firmNotFound, liveFirms, requireStaff } from '../scope.ts';
import { TARGET_ROLES } from '../targets/routes.ts';
import { appliedKeys, firmsForMatching, outreach, policyOf } from './matching.ts';

const slugParam = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/) });
/** A policy's outreach mail goes out at most once in this many hours (to the same list, from any staff member). */
const NOTICE_GAP_HOURS = 24;

/**
 * Policy matching for the bureau under /api/admin/policies: per policy, the firms in scope that look eligible and
 * have not applied; messaging them through the outbox; recording an application.
 */
export function policyRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = requireStaff(c, TARGET_ROLES);
      const firms = await firmsForMatching(ctx.db, liveFirms(user));
      const rows = outreach(firms, await appliedKeys(ctx.db, firms.map((f) => f.id)));
      return c.json({ items: rows.map((r) => ({ slug: r.policy.slug, name: r.policy.name, benefit: r.policy.benefit, deadline: r.policy.deadline ?? null, explainer: r.policy.explainer, eligible: r.eligible.length, notApplied: r.notApplied.length })) });
    })
    .get('/:slug', validate('param', slugParam), async (c) => {
      const user = requireStaff(c, TARGET_ROLES);
      const policy = policyOf(c.req.valid('param').slug);
      const firms = await firmsForMatching(ctx.db, liveFirms(user));
      const row = outreach(firms, await appliedKeys(ctx.db, firms.map((f) => f.id))).find((r) => r.policy.slug === policy.slug)!;
      return c.json({ policy, eligible: row.eligible.length, items: row.notApplied.map((f) => ({ id: f.id, name: f.name, county: f.county })) });
    })
    .post('/:slug/notify', validate('param', slugParam), async (c) => {
      const user = requireStaff(c, ['county', 'bureau', 'admin']);
      const policy = policyOf(c.req.valid('param').slug);
      const kind = `policy_notice:${policy.slug}`;
      const since = new Date(Date.now() - NOTICE_GAP_HOURS * 3_600_000);
      const [recent] = await ctx.db.select({ id: mailOutbox.id }).from(mailOutbox).where(and(eq(mailOutbox.kind, kind), gt(mailOutbox.createdAt, since))).limit(1);
      if (recent) throw new AppError(429, 'notified_recently', { zh: `${NOTICE_GAP_HOURS} 小时内已通知过该政策的企业`, en: `Firms were told about this policy within the last ${NOTICE_GAP_HOURS} hours` });
      const firms = await firmsForMatching(ctx.db, liveFirms(user));
      const { notApplied } = outreach(firms, await appliedKeys(ctx.db, firms.map((f) => f.id))).find((r) => r.policy.slug === policy.slug)!;
      const link = `${ctx.config.publicUrl}/portal/data#policies`;
      const queued = await ctx.db.transaction(async (tx) => {
        if (!notApplied.length) return 0;
        const recipients = await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(and(eq(users.role, 'enterprise'), eq(users.disabled, false), sql`${users.enterpriseId} in (select value from json_each(${JSON.stringify(notApplied.map((f) => f.id))}))`));
        for (const r of recipients) {
          await enqueueMail(tx, {
            to: r.email,
            kind,
            userId: r.id,
            subject: `您的企业可能符合“${policy.name.zh}” · You may be entitled to: ${policy.name.en}`,
            text: `您好：\n\n根据平台中的企业信息与年度数据，贵企业可能符合“${policy.name.zh}”的申报条件：${policy.benefit.zh}${policy.deadline ? `。申报截止：${policy.deadline}` : ''}。\n详情与符合情况：${link}\n\n申报免费，请勿轻信收费代办。\n\nBased on your data you may be entitled to "${policy.name.en}": ${policy.benefit.en}. Details: ${link}`,
          });
        }
        return recipients.length;
      });
      return c.json({ firms: notApplied.length, queued });
    })
    .post('/:slug/applications', validate('param', slugParam), validate('json', z.object({ enterpriseId: idParam }).strict()), async (c) => {
      const user = requireStaff(c, ['county', 'bureau', 'admin']);
      const policy = policyOf(c.req.valid('param').slug);
      const { enterpriseId } = c.req.valid('json');
      const [firm] = await ctx.db.select({ id: enterprises.id }).from(enterprises).where(and(liveFirms(user), eq(enterprises.id, enterpriseId)));
      if (!firm) throw firmNotFound();
      await ctx.db.insert(policyApplications).values({ enterpriseId, policy: policy.slug, appliedAt: new Date() }).onConflictDoNothing();
      return c.json({ ok: true }, 201);
    });
}
