import { readdirSync, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailOutbox, users } from '../db/schema/index.ts';
import { createTestContext, makeUser, type TestContext } from '../testing.ts';
import { enqueueMail, sentMailDir } from './index.ts';
import { MAX_ATTEMPTS } from './outbox.ts';
import { MailSender } from './sender.ts';
import type { MailTransport } from './transports.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

const message = { to: 'li@example.org', subject: '测试', text: '正文', kind: 'test' };

describe('mail outbox', () => {
  it('holds a message exactly when the action that wrote it committed', async () => {
    const user = await makeUser(ctx.db);
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ displayName: '已改名' }).where(eq(users.id, user.id));
      await enqueueMail(tx, { ...message, userId: user.id });
    });
    await expect(
      ctx.db.transaction(async (tx) => {
        await enqueueMail(tx, { ...message, kind: 'rolled_back' });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    const rows = await ctx.db.select().from(mailOutbox);
    expect(rows.map((r) => r.kind)).toEqual(['test']);
  });

  it('is sent once by the file transport, even with two senders draining at the same time', async () => {
    await enqueueMail(ctx.db, message);
    await enqueueMail(ctx.db, { ...message, kind: 'second' });
    const other = new MailSender(ctx.db, countingFileTransport(sentMailDir(ctx.config)), { from: 'a@b.example' });
    const [a, b] = await Promise.all([ctx.mail.drain(), other.drain()]);
    expect(a + b).toBe(2);
    expect(await ctx.mail.drain()).toBe(0);
    const files = readdirSync(sentMailDir(ctx.config)).sort();
    expect(files).toEqual(['000001-test.json', '000002-second.json']);
    expect(JSON.parse(readFileSync(`${sentMailDir(ctx.config)}/${files[0]}`, 'utf8'))).toMatchObject({ to: 'li@example.org', subject: '测试', text: '正文' });
    expect(sends).toBe(b);
    const rows = await ctx.db.select().from(mailOutbox);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt)).toBe(true);
  });

  it('retries a failing transport with backoff, keeping attempts and the last error, then gives up', async () => {
    await enqueueMail(ctx.db, message);
    const failing: MailTransport = { name: 'down', send: async () => Promise.reject(new Error('connection refused')) };
    const sender = new MailSender(ctx.db, failing, { from: 'a@b.example' });
    let clock = Date.now();
    expect(await sender.drain(() => new Date(clock))).toBe(0);
    let [row] = await ctx.db.select().from(mailOutbox);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'connection refused' });
    // Not due again before its backoff has passed.
    await sender.drain(() => new Date(clock + 1_000));
    [row] = await ctx.db.select().from(mailOutbox);
    expect(row!.attempts).toBe(1);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      clock += 2 * 60 * 60_000;
      await sender.drain(() => new Date(clock));
    }
    [row] = await ctx.db.select().from(mailOutbox);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    // Given up: a healthy sender later leaves it alone.
    expect(await ctx.mail.drain(() => new Date(clock + 10 * 60 * 60_000))).toBe(0);
  });
});

let sends = 0;
function countingFileTransport(dir: string): MailTransport {
  sends = 0;
  return {
    name: 'counting',
    async send(mail, from) {
      sends += 1;
      const { fileTransport } = await import('./transports.ts');
      await fileTransport(dir).send(mail, from);
    },
  };
}
