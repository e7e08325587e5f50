import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { enqueueMail, mailTransport } from './index.ts';
import { MailSender } from './sender.ts';
import { createTestContext, type TestContext } from '../testing.ts';
import { mailOutbox } from '../db/schema/index.ts';

/** Just enough of an SMTP server to receive one message: the conversation nodemailer holds with a real one. */
function fakeSmtp(received: string[]): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    let data = false;
    let body = '';
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      for (const line of chunk.toString('utf8').split('\r\n')) {
        if (data) {
          if (line === '.') {
            data = false;
            received.push(body);
            socket.write('250 queued\r\n');
          } else body += line + '\n';
          continue;
        }
        if (/^(EHLO|HELO)/i.test(line)) socket.write('250-fake\r\n250 8BITMIME\r\n');
        else if (/^(MAIL|RCPT)/i.test(line)) socket.write('250 ok\r\n');
        else if (/^DATA/i.test(line)) {
          data = true;
          socket.write('354 go on\r\n');
        }
        else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

let ctx: TestContext | undefined;
let smtp: Server | undefined;
afterEach(async () => {
  smtp?.close();
  await ctx?.cleanup();
});

describe('mail transports', () => {
  it('are chosen by configuration: SMTP when SMTP_URL or SMTP_HOST is set, files otherwise', () => {
    const dir = '/tmp';
    expect(mailTransport(loadConfig({ DATA_DIR: dir })).name).toBe('file');
    expect(mailTransport(loadConfig({ DATA_DIR: dir, SMTP_URL: 'smtp://mail.example:587' })).name).toBe('smtp');
    expect(mailTransport(loadConfig({ DATA_DIR: dir, SMTP_HOST: 'mail.example', SMTP_PORT: '465' })).name).toBe('smtp');
    expect(() => loadConfig({ DATA_DIR: dir, SMTP_URL: 'http://mail.example' })).toThrow(ConfigError);
  });

  it('send an outbox message over SMTP with its stable Message-ID', async () => {
    const received: string[] = [];
    const fake = await fakeSmtp(received);
    smtp = fake.server;
    ctx = await createTestContext();
    const config = loadConfig({ DATA_DIR: ctx.config.dataDir, SMTP_URL: `smtp://127.0.0.1:${fake.port}`, MAIL_FROM: 'no-reply@qianqi.example' });
    await enqueueMail(ctx.db, { to: 'li@example.org', subject: '重设密码 · Reset', text: '您好 hello', kind: 'password_reset' });
    const sender = new MailSender(ctx.db, mailTransport(config), { from: config.mail.from });
    expect(await sender.drain()).toBe(1);
    await sender.stop();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/^To: li@example\.org$/m);
    expect(received[0]).toMatch(/^Message-ID: <outbox-1-\d+@qianqi\.example>$/m);
    const [row] = await ctx.db.select().from(mailOutbox);
    expect(row!.status).toBe('sent');
  });
});
