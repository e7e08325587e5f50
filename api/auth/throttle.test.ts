import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../app.ts';
import { sentMailDir } from '../mail/index.ts';
import { apiClient, createTestContext, makeUser, type TestContext } from '../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

const login = (client: ReturnType<typeof apiClient>, email: string, password: string) => client.call('POST', '/auth/login', { email, password });

describe('sign-in throttling', () => {
  it('never refuses the right password from a device that signed in before, after 20 wrong ones from elsewhere', async () => {
    await makeUser(ctx.db, { email: 'li@example.org' });
    const laptop = apiClient(api);
    expect((await login(laptop, 'li@example.org', 'correct horse battery')).status).toBe(200);
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i++) statuses.add((await login(apiClient(api), 'li@example.org', `guess-${i}`)).status);
    // The stranger is slowed down …
    expect(statuses).toContain(429);
    expect((await login(apiClient(api), 'li@example.org', 'correct horse battery')).status).toBe(429);
    // … the owner's laptop is not.
    expect((await login(laptop, 'li@example.org', 'correct horse battery')).status).toBe(200);
  });

  it('answers a throttled account exactly like an unknown one', async () => {
    await makeUser(ctx.db, { email: 'li@example.org' });
    const answers: Record<string, Array<{ status: number; body: unknown }>> = { known: [], unknown: [] };
    for (let i = 0; i < 7; i++) {
      for (const [kind, email] of [['known', 'li@example.org'], ['unknown', 'nobody@example.org']] as const) {
        const r = await login(apiClient(api), email, `guess-${i}`);
        // The delay's seconds may differ by one between the two; the shape and words may not.
        answers[kind]!.push({ status: r.status, body: JSON.stringify(r.json).replace(/\d+/g, 'N') });
      }
    }
    expect(answers.known).toEqual(answers.unknown);
    expect(answers.known!.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(answers.known![6]!.body).toContain('signin_throttled');
  });

  it('throttles guesses of the current password on the password-change route, counted with sign-in failures', async () => {
    await makeUser(ctx.db, { email: 'li@example.org' });
    const stolen = apiClient(api);
    await login(stolen, 'li@example.org', 'correct horse battery');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await stolen.call('POST', '/auth/password', { currentPassword: `guess-${i}`, newPassword: 'taken-over-2026!' })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // Even the right current password waits now, and so does a sign-in from a new browser.
    expect((await stolen.call('POST', '/auth/password', { currentPassword: 'correct horse battery', newPassword: 'taken-over-2026!' })).status).toBe(429);
    expect((await login(apiClient(api), 'li@example.org', 'correct horse battery')).status).toBe(429);
  });

  it('lifts the delay through a single-use link sent by e-mail', async () => {
    await makeUser(ctx.db, { email: 'li@example.org' });
    for (let i = 0; i < 6; i++) await login(apiClient(api), 'li@example.org', `guess-${i}`);
    expect((await login(apiClient(api), 'li@example.org', 'correct horse battery')).status).toBe(429);

    const asked = await apiClient(api).call('POST', '/auth/unlock', { email: 'li@example.org' });
    const askedUnknown = await apiClient(api).call('POST', '/auth/unlock', { email: 'nobody@example.org' });
    expect(asked.status).toBe(202);
    expect(askedUnknown.json).toEqual(asked.json);
    await ctx.mail.drain();
    const files = readdirSync(sentMailDir(ctx.config));
    expect(files).toHaveLength(1);
    const mail = JSON.parse(readFileSync(`${sentMailDir(ctx.config)}/${files[0]}`, 'utf8'));
    expect(mail.to).toBe('li@example.org');
    const token = /\/portal\/unlock\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];

    expect((await apiClient(api).call('POST', `/auth/unlock/${token}`)).status).toBe(200);
    expect((await apiClient(api).call('POST', `/auth/unlock/${token}`)).status).toBe(410);
    expect((await login(apiClient(api), 'li@example.org', 'correct horse battery')).status).toBe(200);
  });
});
