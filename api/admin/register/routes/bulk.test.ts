import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../app.ts';
import { enterprises, users } from '../../../db/schema/index.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, signInWithSecondFactor, type TestContext } from '../../../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

async function signIn(role: 'bureau' | 'county', county: 'linqing' | 'guanxian' | null = null) {
  const user = await makeUser(ctx.db, { role, county, totp: true });
  const client = apiClient(api);
  expect((await signInWithSecondFactor(client, user.email)).status).toBe(200);
  return { user, client };
}

const liaisonOf = async (id: number) => (await ctx.db.select({ l: enterprises.liaisonUserId }).from(enterprises).where(eq(enterprises.id, id)))[0]!.l;

describe('register bulk action: assign a liaison (负责人)', () => {
  it('names an active staff member as the liaison of the selection and says how many changed', async () => {
    const [a, b] = [await makeEnterprise(ctx.db, { county: 'linqing' }), await makeEnterprise(ctx.db, { county: 'guanxian' })];
    const bureau = await signIn('bureau');
    const officer = await makeUser(ctx.db, { role: 'county', county: 'linqing' });
    const res = await bureau.client.call('POST', '/admin/enterprises/bulk', { ids: [a.id, b.id], action: 'assign', value: officer.id });
    expect(res.json).toEqual({ matched: 2, changed: 2 });
    expect([await liaisonOf(a.id), await liaisonOf(b.id)]).toEqual([officer.id, officer.id]);
    // Again: nothing changes, and the answer says so.
    expect((await bureau.client.call('POST', '/admin/enterprises/bulk', { ids: [a.id, b.id], action: 'assign', value: officer.id })).json).toEqual({ matched: 2, changed: 0 });
    // The register lists the liaison by name.
    const list = await bureau.client.call('GET', '/admin/enterprises');
    expect(list.json.items.map((i: { liaison: string | null }) => i.liaison)).toEqual([officer.displayName, officer.displayName]);
    // Clearing is allowed.
    expect((await bureau.client.call('POST', '/admin/enterprises/bulk', { ids: [a.id], action: 'assign', value: null })).json.changed).toBe(1);
    expect(await liaisonOf(a.id)).toBeNull();
  });

  it('refuses a firm user, a disabled account, an unknown id, and (for a county officer) staff outside the area', async () => {
    const firm = await makeEnterprise(ctx.db, { county: 'linqing' });
    const bureau = await signIn('bureau');
    const firmUser = await makeUser(ctx.db, { role: 'enterprise', enterpriseId: firm.id });
    const gone = await makeUser(ctx.db, { role: 'bureau' });
    await ctx.db.update(users).set({ disabled: true }).where(eq(users.id, gone.id));
    for (const value of [firmUser.id, gone.id, 99_999]) {
      const res = await bureau.client.call('POST', '/admin/enterprises/bulk', { ids: [firm.id], action: 'assign', value });
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: 'liaison_invalid', message: expect.stringContaining('负责人') });
    }
    // The dossier's own edit follows the same rule.
    const patch = await bureau.client.call('PATCH', `/admin/enterprises/${firm.id}`, { liaisonUserId: firmUser.id, version: firm.version });
    expect(patch.json.error.code).toBe('liaison_invalid');
    expect(await liaisonOf(firm.id)).toBeNull();

    const zhao = await signIn('county', 'linqing');
    const colleague = await makeUser(ctx.db, { role: 'county', county: 'linqing' });
    const elsewhere = await makeUser(ctx.db, { role: 'county', county: 'guanxian' });
    const choices = (await zhao.client.call('GET', '/admin/staff/liaisons')).json.items.map((l: { id: number }) => l.id);
    expect(choices.sort()).toEqual([zhao.user.id, colleague.id].sort());
    expect((await zhao.client.call('POST', '/admin/enterprises/bulk', { ids: [firm.id], action: 'assign', value: elsewhere.id })).status).toBe(400);
    expect((await zhao.client.call('POST', '/admin/enterprises/bulk', { ids: [firm.id], action: 'assign', value: colleague.id })).json).toEqual({ matched: 1, changed: 1 });
  });
});
