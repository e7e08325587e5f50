import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApi } from '../api/app.ts';
import { createTestContext, makeEnterprise, type TestContext } from '../api/testing.ts';
import { inviteCommand } from './admin.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

it('prints an invitation link for the enterprise with that credit code, which then works', async () => {
  const firm = await makeEnterprise(ctx.db, { name: '东阿源泉阿胶制品有限公司' });
  const out = await inviteCommand(ctx.db, 'https://halls.example.gov.cn', firm.creditCode.toLowerCase());
  expect(out).toContain('东阿源泉阿胶制品有限公司');
  const token = out.match(/\/portal\/invite\/([\w-]+)/)![1]!;
  expect(out).toContain(`https://halls.example.gov.cn/portal/invite/${token}`);
  const res = await createApi(ctx).request(`/auth/invitations/${token}`);
  expect(await res.json()).toMatchObject({ enterpriseName: '东阿源泉阿胶制品有限公司', role: 'enterprise' });
});

it('refuses an invalid credit code and an unknown firm with clear messages', async () => {
  await expect(inviteCommand(ctx.db, 'http://x', '91371500MA3C000010')).rejects.toThrow(/统一社会信用代码无效/);
  await expect(inviteCommand(ctx.db, 'http://x', '91350100M000100Y43')).rejects.toThrow(/找不到该企业/);
});
