import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { OutboxMail } from '../db/schema/index.ts';

/** Delivers one outbox message; throws on failure (the sender retries). */
export interface MailTransport {
  readonly name: string;
  send(mail: OutboxMail, from: string): Promise<void>;
  close?(): void;
}

/**
 * Demo and tests: each message becomes `<dir>/<id>-<kind>.json` (to, subject, text, html, kind). Written to a
 * temp name and renamed, so a reader never sees half a file; sending the same message again overwrites it.
 */
export function fileTransport(dir: string): MailTransport {
  return {
    name: 'file',
    async send(mail, from) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const file = join(dir, `${String(mail.id).padStart(6, '0')}-${mail.kind}.json`);
      const body = { id: mail.id, from, to: mail.to, subject: mail.subject, kind: mail.kind, text: mail.text, html: mail.html };
      await writeFile(file + '.tmp', JSON.stringify(body, null, 2), { mode: 0o600 });
      await rename(file + '.tmp', file);
    },
  };
}

/** Production: SMTP through nodemailer (`SMTP_URL`, or host/port/user/pass). The outbox id becomes the Message-ID. */
export function smtpTransport(options: { url?: string; host?: string; port?: number; user?: string; pass?: string }): MailTransport {
  const transporter = options.url
    ? nodemailer.createTransport(options.url)
    : nodemailer.createTransport({
        host: options.host,
        port: options.port ?? 587,
        secure: options.port === 465,
        requireTLS: options.port !== 465,
        auth: options.user ? { user: options.user, pass: options.pass ?? '' } : undefined,
      });
  return {
    name: 'smtp',
    async send(mail, from) {
      const domain = from.split('@')[1]?.replace(/[>\s]/g, '') || 'localhost';
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        // Stable per outbox row, so a receiving server can drop a duplicate after a crash-and-retry.
        messageId: `<outbox-${mail.id}-${mail.createdAt.getTime()}@${domain}>`,
      });
    },
    close() {
      transporter.close();
    },
  };
}
