import { and, eq, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { dataCampaigns, users, type DataCampaign } from '../../db/schema/index.ts';
import { enqueueMail } from '../../mail/index.ts';

/** A firm's users are reminded at most once in this many hours, however often staff press the button. */
export const REMINDER_GAP_HOURS = 24;

/**
 * Queues one reminder per active portal user of each firm in `firmIds` (those not complete), in the caller's
 * transaction, and stamps the campaign. Mail text names the fiscal year, the due date and the portal form; no
 * figures of the firm. Returns the number of messages queued.
 */
export async function queueReminders(db: DbLike, campaign: DataCampaign, firmIds: readonly number[], publicUrl: string, now = new Date()): Promise<number> {
  if (!firmIds.length) return 0;
  const recipients = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'enterprise'), eq(users.disabled, false), sql`${users.enterpriseId} in (select value from json_each(${JSON.stringify(firmIds)}))`));
  const link = `${publicUrl.replace(/\/$/, '')}/portal/data`;
  for (const r of recipients) {
    await enqueueMail(
      db,
      {
        to: r.email,
        kind: 'data_campaign_reminder',
        userId: r.id,
        subject: `请于 ${campaign.dueDate} 前更新 ${campaign.fiscalYear} 年度数据 · Please update your ${campaign.fiscalYear} figures`,
        text: [
          `您好：`,
          ``,
          `市工业和信息化局已开启 ${campaign.fiscalYear} 年度企业数据更新，请于 ${campaign.dueDate} 前登录平台填写年度数据（表单已按上一年度预填，只需修改有变化的项目）：`,
          link,
          ``,
          `按规定，专精特新等称号企业须每年更新数据，逾期将影响复核。填报免费，不收取任何费用。`,
          ``,
          `The bureau has opened the update of ${campaign.fiscalYear} figures. Please fill in the yearly form by ${campaign.dueDate} (pre-filled from last year): ${link}`,
        ].join('\n'),
      },
      now,
    );
  }
  await db
    .update(dataCampaigns)
    .set({ lastReminderAt: now, remindersSent: sql`${dataCampaigns.remindersSent} + ${recipients.length}` })
    .where(eq(dataCampaigns.id, campaign.id));
  return recipients.length;
}
