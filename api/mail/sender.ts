import { randomToken } from '../lib/tokens.ts';
import type { DbLike } from '../db/client.ts';
import { claimNextMail, markMailFailed, markMailSent } from './outbox.ts';
import type { MailTransport } from './transports.ts';

/**
 * The background sender of the mail outbox, one per server process (started from api/runtime.ts). Every
 * `intervalMs` it claims due messages one by one (claims are atomic, so several processes may run senders) and
 * hands them to the transport; failures are retried with backoff (api/mail/outbox.ts).
 */
export class MailSender {
  readonly #db: DbLike;
  readonly #transport: MailTransport;
  readonly #from: string;
  readonly #intervalMs: number;
  readonly #claimToken = randomToken();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;

  constructor(db: DbLike, transport: MailTransport, options: { from: string; intervalMs?: number }) {
    this.#db = db;
    this.#transport = transport;
    this.#from = options.from;
    this.#intervalMs = options.intervalMs ?? 2_000;
  }

  get transportName(): string {
    return this.#transport.name;
  }

  /** Starts polling; calling it twice changes nothing. */
  start(): this {
    this.#timer ??= setInterval(() => void this.drain().catch((e) => console.error('[mail] sender:', e)), this.#intervalMs);
    this.#timer.unref();
    return this;
  }

  /** Stops polling and waits for a send in flight. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => 0);
    this.#transport.close?.();
  }

  /** Sends every due message now; resolves to how many were sent. Overlapping calls share one run. */
  drain(now?: () => Date): Promise<number> {
    this.#running ??= this.#drain(now ?? (() => new Date())).finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #drain(now: () => Date): Promise<number> {
    let sent = 0;
    for (;;) {
      const mail = await claimNextMail(this.#db, this.#claimToken, now());
      if (!mail) return sent;
      try {
        await this.#transport.send(mail, this.#from);
        if (await markMailSent(this.#db, mail, now())) sent += 1;
      } catch (e) {
        // The error text of a transport never contains the message body; keep it for staff to see.
        await markMailFailed(this.#db, mail, e instanceof Error ? e.message : String(e), now());
      }
    }
  }
}
