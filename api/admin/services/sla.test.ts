import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailOutbox, serviceRequests } from '../../db/schema/index.ts';
import { dueDate, slaDays } from '../../domain/sla.ts';
import { createTestContext, makeEnterprise, makeUser, type TestContext } from '../../testing.ts';
import { escalateOverdue } from './escalation.ts';
import { fileRequest, transitionRequest } from './request-writes.ts';
import { makeTeam } from './fixtures.ts';

// China time 10:00 on the given day.
const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe('SLA deadlines in working days', () => {
  it('skips the National Day holiday and counts the adjusted working Saturday (2026 calendar)', () => {
    // Routed on Wed 30 Sep 2026: first contact within 2 working days; 1–7 Oct are holidays → Fri 9 Oct, not Fri 2 Oct.
    expect(dueDate('assigned', 0, '2026-09-30')).toBe('2026-10-09');
    // Contacted Thu 8 Oct: 5 working days are 9, 10 (Saturday worked in lieu), 12, 13, 14 Oct. Weekdays only would say the 15th.
    expect(dueDate('contacted', 0, '2026-10-08')).toBe('2026-10-14');
  });

  it('halves the limit from priority 2 (a reopened request) and has none while the firm decides', () => {
    expect(slaDays('in_service', 0)).toBe(20);
    expect(slaDays('in_service', 2)).toBe(10);
    expect(slaDays('new', 3)).toBe(1);
    expect(dueDate('awaiting_confirmation', 0, '2026-10-08')).toBeNull();
    expect(dueDate('resolved', 0, '2026-10-08')).toBeNull();
  });
});

describe('deadlines stored on requests and escalation to the bureau', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestContext();
  });
  afterEach(() => ctx.cleanup());

  it('sets each state\'s deadline from the day it is entered, and escalates overdue requests once through the outbox', async () => {
    const firm = await makeEnterprise(ctx.db, { county: 'linqing' });
    const owner = await makeUser(ctx.db, { enterpriseId: firm.id });
    const bureau = await makeUser(ctx.db, { role: 'bureau', totp: true, email: 'duty@bureau.example' });
    const { teamId } = await makeTeam(ctx.db, { members: [{ role: 'lead' }], firms: [firm.id] });
    const input = { supportAction: 'management' as const, serviceItem: 'lean_production' as const, title: '精益生产诊断', description: '车间在制品积压', attachmentIds: [], urgency: 'normal' as const, preferredTime: '' };

    const filed = await fileRequest(ctx.db, { enterpriseId: firm.id, userId: owner.id }, input, at('2026-09-29'));
    expect(filed.dueAt).toBe('2026-09-30');
    const routed = await transitionRequest(ctx.db, { kind: 'staff', user: bureau }, filed.id, { to: 'assigned', note: '', teamId }, at('2026-09-30'));
    expect(routed.dueAt).toBe('2026-10-09');

    // On 12 Oct the first contact is overdue: one digest mail to the bureau, and only once for this state.
    expect(await escalateOverdue(ctx.db, at('2026-10-09'))).toBe(0);
    expect(await escalateOverdue(ctx.db, at('2026-10-12'))).toBe(1);
    expect(await escalateOverdue(ctx.db, at('2026-10-13'))).toBe(0);
    const mails = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'request_overdue'));
    expect(mails.map((m) => m.to)).toEqual([bureau.email]);
    expect(mails[0]!.text).toContain('精益生产诊断');

    // A transition starts a new deadline and clears the mark, so the next lapse is escalated again.
    const contacted = await transitionRequest(ctx.db, { kind: 'staff', user: bureau }, filed.id, { to: 'contacted', note: '' }, at('2026-10-12'));
    expect(contacted.dueAt).toBe('2026-10-19');
    expect(contacted.escalatedAt).toBeNull();
    expect(await escalateOverdue(ctx.db, at('2026-10-20'))).toBe(1);
    const [row] = await ctx.db.select().from(serviceRequests).where(eq(serviceRequests.id, filed.id));
    expect(row!.escalatedAt).not.toBeNull();
  });
});
