import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enterprises, serviceRequests, users } from '../../db/schema/index.ts';
import { REQUEST_STATE_NAMES } from '../../domain/requests.ts';
import { todayInChina } from '../../lib/dates.ts';
import { enqueueMail } from '../../mail/index.ts';
import { overdueCondition } from './request-queries.ts';

/** At most this many requests are listed in one escalation mail (the rest are counted). */
const LISTED = 50;

/**
 * Escalates overdue requests to the bureau through the mail outbox: every request whose current deadline passed
 * (working days, api/domain/sla.ts) and that was not yet escalated in this state goes into one digest mail to each
 * active bureau account, and is marked (`escalatedAt`), so nothing is escalated twice for the same state (a
 * transition clears the mark). One transaction: the mail exists exactly when the marks do. Returns how many
 * requests were escalated.
 */
export async function escalateOverdue(db: Db, now = new Date()): Promise<number> {
  const today = todayInChina(now);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: serviceRequests.id, title: serviceRequests.title, state: serviceRequests.state, dueAt: serviceRequests.dueAt, firm: enterprises.name })
      .from(serviceRequests)
      .innerJoin(enterprises, eq(enterprises.id, serviceRequests.enterpriseId))
      .where(and(overdueCondition(today), isNull(serviceRequests.escalatedAt), isNull(enterprises.deletedAt)))
      .orderBy(asc(serviceRequests.dueAt));
    if (due.length === 0) return 0;
    const bureau = await tx.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.role, 'bureau'), eq(users.disabled, false)));
    const lines = due.slice(0, LISTED).map((r) => `· #${r.id} ${r.firm}：${r.title}（${REQUEST_STATE_NAMES[r.state].staff.zh} / ${REQUEST_STATE_NAMES[r.state].staff.en}，截止 due ${r.dueAt}）`);
    const more = due.length > LISTED ? [`…另有 ${due.length - LISTED} 条 / ${due.length - LISTED} more`] : [];
    for (const person of bureau) {
      await enqueueMail(tx, {
        to: person.email,
        userId: person.id,
        kind: 'request_overdue',
        subject: `诉求超时提醒：${due.length} 条 / ${due.length} overdue requests`,
        text: [`以下企业诉求已超过办理时限（按工作日计），请督办：`, ...lines, ...more, '', `工作台：/admin/services/requests?overdue=1`, '', `These requests are past their deadline (working days). Board: /en/admin/services/requests?overdue=1`].join('\n'),
      });
    }
    const ids = due.map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) await tx.update(serviceRequests).set({ escalatedAt: now }).where(inArray(serviceRequests.id, ids.slice(i, i + 500)));
    return due.length;
  });
}

/** Runs `escalateOverdue` now and every hour (the running server; tests call it directly). Returns a stopper. */
export function scheduleEscalation(db: Db, everyMs = 3_600_000): () => void {
  const run = () => escalateOverdue(db).catch((e: unknown) => console.error('[services] escalation failed:', e instanceof Error ? e.message : e));
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
