import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { dataCampaigns } from '../../db/schema/index.ts';
import { todayInChina } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { tableXlsx } from '../../lib/table-export.ts';
import { validate } from '../../lib/validate.ts';
import { idParam, isoDate } from '../../lib/fields.ts';
import { COUNTY_NAMES } from '../../domain/program.ts';
import { requireStaff } from '../scope.ts';
import { TARGET_ROLES } from '../targets/routes.ts';
import { queueReminders, REMINDER_GAP_HOURS } from './reminders.ts';
import { campaignOf, filingStates, pastDue, summarise } from './status.ts';

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const noCampaign = () => new AppError(404, 'no_campaign', { zh: '该年度尚未开启数据更新', en: 'No data campaign is open for that year' });

/**
 * The yearly data campaign under /api/admin/campaign: open one (fiscal year, due date), completion by area with the
 * chase list (county officers: their area), the chase list as XLSX, and reminders through the mail outbox.
 */
export function campaignRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', validate('query', yearQuery), async (c) => {
      const user = requireStaff(c, TARGET_ROLES);
      const campaign = await campaignOf(ctx.db, c.req.valid('query').year);
      if (!campaign) return c.json({ campaign: null, byCounty: [], chase: [], total: { firms: 0, complete: 0 } });
      const states = await filingStates(ctx.db, user, campaign.fiscalYear);
      return c.json({ campaign, late: pastDue(campaign, todayInChina()), ...summarise(states, pastDue(campaign, todayInChina())) });
    })
    .post('/', validate('json', z.object({ fiscalYear: z.number().int().min(2000).max(2100), dueDate: isoDate }).strict()), async (c) => {
      const user = requireStaff(c, ['bureau', 'admin']);
      const body = c.req.valid('json');
      if (body.fiscalYear >= Number(todayInChina().slice(0, 4))) {
        throw new AppError(400, 'year_not_completed', { zh: '只能为已结束的会计年度开启数据更新', en: 'Only a completed fiscal year can be collected' });
      }
      if (await campaignOf(ctx.db, body.fiscalYear)) throw new AppError(409, 'campaign_exists', { zh: '该年度的数据更新已开启', en: 'That year’s campaign is already open' });
      const [row] = await ctx.db.insert(dataCampaigns).values({ fiscalYear: body.fiscalYear, dueDate: body.dueDate, openedBy: user.id }).returning();
      return c.json({ campaign: row }, 201);
    })
    .get('/chase.xlsx', validate('query', yearQuery.extend({ lang: z.enum(['zh', 'en']).default('zh') })), async (c) => {
      const user = requireStaff(c, TARGET_ROLES);
      const q = c.req.valid('query');
      const campaign = await campaignOf(ctx.db, q.year);
      if (!campaign) throw noCampaign();
      const { chase } = summarise(await filingStates(ctx.db, user, campaign.fiscalYear), pastDue(campaign, todayInChina()));
      const zh = q.lang === 'zh';
      const state = { missing: zh ? '未填报' : 'Not filed', incomplete: zh ? '未填全' : 'Incomplete' };
      const columns = zh ? ['企业名称', '县区', '状态', '逾期'] : ['Firm', 'Area', 'State', 'Late'];
      const rows = chase.map((f) => [f.name, COUNTY_NAMES[f.county][q.lang], state[f.state], f.late ? (zh ? '是' : 'yes') : '']);
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('Content-Disposition', `attachment; filename="chase-${campaign.fiscalYear}-${todayInChina()}.xlsx"`);
      return c.body(new Uint8Array(await tableXlsx(columns, rows)));
    })
    .get('/firm/:id', validate('param', z.object({ id: idParam })), async (c) => {
      const user = requireStaff(c);
      const campaign = await campaignOf(ctx.db);
      if (!campaign) return c.json({ campaign: null, state: null, late: false });
      const [firm] = await filingStates(ctx.db, user, campaign.fiscalYear, c.req.valid('param').id);
      if (!firm) throw new AppError(404, 'not_found', { zh: '找不到该企业', en: 'No such enterprise' });
      return c.json({ campaign: { fiscalYear: campaign.fiscalYear, dueDate: campaign.dueDate }, state: firm.state, late: firm.state !== 'complete' && pastDue(campaign, todayInChina()) });
    })
    .post('/remind', validate('json', z.object({ fiscalYear: z.number().int().min(2000).max(2100) }).strict()), async (c) => {
      const user = requireStaff(c, ['county', 'bureau', 'admin']);
      const campaign = await campaignOf(ctx.db, c.req.valid('json').fiscalYear);
      if (!campaign) throw noCampaign();
      const now = new Date();
      if (campaign.lastReminderAt && now.getTime() - campaign.lastReminderAt.getTime() < REMINDER_GAP_HOURS * 3_600_000) {
        throw new AppError(429, 'reminded_recently', { zh: `${REMINDER_GAP_HOURS} 小时内已发送过提醒，请稍后再发`, en: `Reminders went out within the last ${REMINDER_GAP_HOURS} hours` });
      }
      const { chase } = summarise(await filingStates(ctx.db, user, campaign.fiscalYear), false);
      const queued = await ctx.db.transaction((tx) => queueReminders(tx, campaign, chase.map((f) => f.id), ctx.config.publicUrl, now));
      return c.json({ firms: chase.length, queued });
    });
}
