/** A message for people, in both UI languages. */
export interface Message {
  zh: string;
  en: string;
}

/**
 * The one error type of the platform. Thrown anywhere (API routes, the panorama pipeline, scripts);
 * the API turns it into `{ error: { code, message, messageEn } }` with its status, CLIs print `message`.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: Message, details?: unknown) {
    super(`${message.zh} (${message.en})`);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.messageZh = message.zh;
    this.messageEn = message.en;
    this.details = details;
  }
}
