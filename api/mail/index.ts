import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { DbLike } from '../db/client.ts';
import { MailSender } from './sender.ts';
import { fileTransport, smtpTransport, type MailTransport } from './transports.ts';

export { enqueueMail, type MailInput } from './outbox.ts';
export { MailSender } from './sender.ts';

/** Where the file transport writes demo and test mail: `<DATA_DIR>/outbox-sent/`. */
export function sentMailDir(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, 'outbox-sent');
}

/** The transport the configuration asks for: SMTP when SMTP_URL or SMTP_HOST is set, else the file transport. */
export function mailTransport(config: Config): MailTransport {
  const m = config.mail;
  if (m.smtpUrl || m.smtpHost) {
    return smtpTransport({ url: m.smtpUrl, host: m.smtpHost, port: m.smtpPort, user: m.smtpUser, pass: m.smtpPass });
  }
  return fileTransport(sentMailDir(config));
}

/** A sender for this configuration (not started). */
export function createMailSender(db: DbLike, config: Config): MailSender {
  return new MailSender(db, mailTransport(config), { from: config.mail.from });
}
