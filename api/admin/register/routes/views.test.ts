import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../app.ts';
import { apiClient, createTestContext, makeUser, signInWithSecondFactor, type TestContext } from '../../../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

async function signIn(role: 'bureau' | 'county') {
  const email = `${role}${Math.random().toString(36).slice(2)}@example.org`;
  await makeUser(ctx.db, { role, email, county: role === 'county' ? 'linqing' : null, totp: true });
  const client = apiClient(api);
  expect((await signInWithSecondFactor(client, email)).status).toBe(200);
  return client;
}

describe('saved views', () => {
  it('refuses a second view of the same name for the same person with a clear 409; others may use the name', async () => {
    const li = await signIn('bureau');
    expect((await li.call('POST', '/admin/views', { name: '临清候选', query: 'county=linqing' })).status).toBe(201);
    const again = await li.call('POST', '/admin/views', { name: ' 临清候选 ', query: 'county=linqing&tier=srdi' });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: 'view_name_taken', message: expect.stringContaining('临清候选'), messageEn: expect.stringContaining('already have a view') });
    const latin = await li.call('POST', '/admin/views', { name: 'Due soon', query: 'title=review_due' });
    expect(latin.status).toBe(201);
    expect((await li.call('POST', '/admin/views', { name: 'due SOON', query: 'title=expired' })).status).toBe(409);

    const zhao = await signIn('county');
    expect((await zhao.call('POST', '/admin/views', { name: '临清候选', query: 'county=linqing' })).status).toBe(201);
    expect((await li.call('GET', '/admin/views')).json.items.filter((v: { name: string; mine: boolean }) => v.mine)).toHaveLength(2);
  });
});
