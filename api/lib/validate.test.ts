import { Hono } from 'hono';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import './zod-messages.ts';
import { bilingual, validate } from './validate.ts';
import { onError } from './on-error.ts';

describe('validation messages', () => {
  it('splits "中文 (English)" into its halves, and keeps a message without an English half for both', () => {
    expect(bilingual('至少 2 个字符 (at least 2 characters)')).toEqual({ zh: '至少 2 个字符', en: 'at least 2 characters' });
    expect(bilingual('日期不存在 (no such date)')).toEqual({ zh: '日期不存在', en: 'no such date' });
    expect(bilingual('格式不正确（全角括号）')).toEqual({ zh: '格式不正确（全角括号）', en: '格式不正确（全角括号）' });
  });

  it('answers 400 whose English message holds no Chinese', async () => {
    const app = new Hono().onError(onError).post('/', validate('json', z.object({ title: z.string().min(2) })), (c) => c.text('ok'));
    const res = await app.request('/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'a' }) });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { message: string; messageEn: string } };
    expect(error.message).toBe('输入有误：title：至少 2 个字符');
    expect(error.messageEn).toBe('Invalid input: title: at least 2 characters');
  });

  it('calls an empty choice missing, and a wrong one not allowed', () => {
    const size = z.object({ size: z.enum(['small', 'medium']) });
    expect(size.safeParse({}).error!.issues[0]!.message).toBe('必填 (required)');
    expect(size.safeParse({ size: 'huge' }).error!.issues[0]!.message).toBe('不是可选的值之一 (not one of the allowed values)');
  });
});
