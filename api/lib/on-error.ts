import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError } from './errors.ts';
import { securityEvent } from './security-log.ts';

/** The API's error body: `{ error: { code, message, messageEn, details? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; messageEn: string; details?: unknown };
}

export function errorBody(error: AppError): ErrorBody {
  const body: ErrorBody = { error: { code: error.code, message: error.messageZh, messageEn: error.messageEn } };
  if (error.details !== undefined) body.error.details = error.details;
  return body;
}

/** Turns any thrown error into the one error shape; unexpected errors are logged, never shown. */
export function onError(err: Error, c: Context): Response {
  let appError: AppError;
  if (err instanceof AppError) {
    appError = err;
    // Every 429 of every route is a security event (ASVS V16), wherever the limit was enforced.
    if (err.status === 429) {
      const ip = c.get('clientIp') as unknown;
      securityEvent({ type: 'rate_limited', ip: typeof ip === 'string' ? ip : undefined, route: `${c.req.method} ${c.req.path}`, detail: { code: err.code } });
    }
  } else if (err instanceof HTTPException) {
    appError = new AppError(err.status, 'http_error', { zh: '请求无法处理', en: err.message || 'Request could not be handled' });
  } else {
    console.error(`[api] ${c.req.method} ${c.req.path}:`, err);
    appError = new AppError(500, 'internal_error', { zh: '服务器内部错误，请稍后再试', en: 'Internal server error, please try again later' });
  }
  return c.json(errorBody(appError), appError.status as 400);
}

export function notFound(c: Context): Response {
  return c.json(errorBody(new AppError(404, 'not_found', { zh: '找不到该资源', en: 'Not found' })), 404);
}
