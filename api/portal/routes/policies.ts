import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { appliedKeys, firmsForMatching, matchesOf } from '../../admin/policies/matching.ts';
import { campaignOf } from '../../admin/campaign/status.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { enterprises } from '../../db/schema/index.ts';
import type { Message } from '../../lib/errors.ts';
import { portalScope } from '../scope.ts';

/** One policy as the portal shows it to a firm. */
export interface PortalPolicyMatch {
  slug: string;
  name: Message;
  benefit: Message;
  deadline: string | null;
  explainer: string;
  status: 'eligible' | 'gaps';
  reasons: Message[];
  gaps: Message[];
  applied: boolean;
}

/**
 * A firm's own entitlements under /api/portal/enterprises/:id: `GET /policies` — every policy with whether the firm
 * looks eligible, why, and what is missing (应享尽享); `GET /campaign` — the open yearly data update and its due date.
 */
export function portalPolicyRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/policies', async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      const [firm] = await firmsForMatching(ctx.db, and(eq(enterprises.id, enterpriseId))!);
      if (!firm) return c.json({ dataYear: null, items: [] });
      const applied = await appliedKeys(ctx.db, [enterpriseId]);
      const items: PortalPolicyMatch[] = matchesOf(firm)
        .filter((m): m is typeof m & { status: 'eligible' | 'gaps' } => m.status === 'eligible' || m.status === 'gaps')
        .map((m) => ({ slug: m.slug, name: m.policy.name, benefit: m.policy.benefit, deadline: m.policy.deadline ?? null, explainer: m.policy.explainer, status: m.status, reasons: m.reasons, gaps: m.gaps, applied: applied.has(`${enterpriseId}:${m.slug}`) }));
      return c.json({ dataYear: firm.dataYear, items });
    })
    .get('/campaign', async (c) => {
      portalScope(ctx, c);
      const campaign = await campaignOf(ctx.db);
      return c.json({ campaign: campaign ? { fiscalYear: campaign.fiscalYear, dueDate: campaign.dueDate } : null });
    });
}
