import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import { createApi } from '../../app.ts';
import { experts, leads, serviceRequests, serviceTeamFirms, serviceTeamMembers, serviceTeams, serviceVisits } from '../../db/schema/index.ts';
import { SUPPORT_ACTIONS } from '../../domain/services.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, signInWithSecondFactor, type TestContext } from '../../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

async function signedIn(role: 'bureau' | 'admin' | 'county' | 'expert', county: 'linqing' | 'guanxian' | null = null) {
  const user = await makeUser(ctx.db, { role, county, totp: true });
  const client = apiClient(api);
  expect((await signInWithSecondFactor(client, user.email)).status).toBe(200);
  return { user, client };
}

/** Two firms in two areas; an expert whose team serves the 临清 firm only. */
async function world() {
  const linqing = await makeEnterprise(ctx.db, { county: 'linqing', name: '临清示例轴承有限公司' });
  const guanxian = await makeEnterprise(ctx.db, { county: 'guanxian', name: '冠县示例钢管有限公司' });
  const expert = await signedIn('expert');
  const [row] = await ctx.db.insert(experts).values({ name: '王工', userId: expert.user.id, status: 'active' }).returning();
  const [team] = await ctx.db.insert(serviceTeams).values({ number: 3, name: '第三服务团' }).returning();
  await ctx.db.insert(serviceTeamMembers).values({ teamId: team!.id, expertId: row!.id, role: 'lead' });
  await ctx.db.insert(serviceTeamFirms).values({ teamId: team!.id, enterpriseId: linqing.id });
  return { linqing, guanxian, expert, bureau: await signedIn('bureau'), officer: await signedIn('county', 'linqing') };
}

const outcome = (enterpriseId: number, extra: Record<string, unknown> = {}) => ({ enterpriseId, type: 'financing', value: 500, achievedOn: '2026-03-01', description: '获得银行授信', ...extra });

describe('outcomes: scope per role', () => {
  it('lets each role record and list outcomes of its own firms only', async () => {
    const w = await world();
    expect((await w.bureau.client.call('POST', '/admin/outcomes', outcome(w.guanxian.id))).status).toBe(201);
    expect((await w.officer.client.call('POST', '/admin/outcomes', outcome(w.linqing.id))).status).toBe(201);
    expect((await w.expert.client.call('POST', '/admin/outcomes', outcome(w.linqing.id, { type: 'jobs_created', value: 12 }))).status).toBe(201);
    // Out of scope: the 临清 officer and the team's expert on the 冠县 firm.
    expect((await w.officer.client.call('POST', '/admin/outcomes', outcome(w.guanxian.id))).status).toBe(404);
    expect((await w.expert.client.call('POST', '/admin/outcomes', outcome(w.guanxian.id))).status).toBe(404);

    const names = async (client: typeof w.bureau.client, query = '') => ((await client.call('GET', `/admin/outcomes${query}`)).json.items as { firmName: string }[]).map((o) => o.firmName).sort();
    expect(await names(w.bureau.client)).toEqual(['临清示例轴承有限公司', '临清示例轴承有限公司', '冠县示例钢管有限公司']);
    expect(await names(w.officer.client)).toEqual(['临清示例轴承有限公司', '临清示例轴承有限公司']);
    expect(await names(w.expert.client)).toEqual(['临清示例轴承有限公司', '临清示例轴承有限公司']);
    expect(await names(w.officer.client, '?county=guanxian')).toEqual([]);
    expect(await names(w.bureau.client, '?type=jobs_created')).toEqual(['临清示例轴承有限公司']);

    // The export follows the same scope.
    const xlsx = await w.officer.client.call('GET', '/admin/outcomes/export.xlsx');
    expect(xlsx.status).toBe(200);
    const sheet = await readSheet(Buffer.from(await xlsx.res.arrayBuffer()));
    expect(sheet.length).toBe(3);
    expect(sheet.slice(1).every((r) => r[1] === '临清示例轴承有限公司')).toBe(true);
  });

  it('is verified by the bureau, by someone other than who recorded it; unverified outcomes are marked', async () => {
    const w = await world();
    const recorded = await w.officer.client.call('POST', '/admin/outcomes', outcome(w.linqing.id));
    expect(recorded.json.verifiedAt).toBeNull();
    expect((await w.officer.client.call('POST', `/admin/outcomes/${recorded.json.id}/verify`)).status).toBe(403);
    const own = await w.bureau.client.call('POST', '/admin/outcomes', outcome(w.linqing.id));
    expect((await w.bureau.client.call('POST', `/admin/outcomes/${own.json.id}/verify`)).status).toBe(409);
    expect((await w.bureau.client.call('POST', `/admin/outcomes/${recorded.json.id}/verify`)).status).toBe(200);
    const list = await w.bureau.client.call('GET', '/admin/outcomes?verified=no');
    expect(list.json.items.map((o: { id: number }) => o.id)).toEqual([own.json.id]);
    const verified = await w.bureau.client.call('GET', '/admin/outcomes?verified=yes');
    expect(verified.json.items[0]).toMatchObject({ id: recorded.json.id, verified: true, verifiedBy: w.bureau.user.id });
  });

  it('links a deal to a lead of the same firm and a training source to an event the firm attended', async () => {
    const w = await world();
    const [lead] = await ctx.db.insert(leads).values({ enterpriseId: w.guanxian.id, kind: 'inquiry', contactName: '采购部', consentAt: new Date(), consentVersion: '1' }).returning();
    const deal = (enterpriseId: number) => outcome(enterpriseId, { type: 'lead_deal', value: 80, leadId: lead!.id });
    expect((await w.bureau.client.call('POST', '/admin/outcomes', deal(w.linqing.id))).json.error.code).toBe('invalid_outcome');
    expect((await w.bureau.client.call('POST', '/admin/outcomes', deal(w.guanxian.id))).status).toBe(201);
    expect((await w.bureau.client.call('POST', '/admin/outcomes', outcome(w.guanxian.id, { type: 'lead_deal' }))).status).toBe(400);
    expect((await w.bureau.client.call('POST', '/admin/outcomes', outcome(w.guanxian.id, { sourceKind: 'training', sourceId: 77 }))).json.error.code).toBe('invalid_outcome');
    expect((await w.bureau.client.call('POST', '/admin/outcomes', outcome(w.guanxian.id, { type: 'patents', value: 1.5 }))).status).toBe(400);
    // Achieved in the future, or long before the programme: refused.
    for (const achievedOn of ['2099-05-05', '1900-01-01']) expect((await w.bureau.client.call('POST', '/admin/outcomes', outcome(w.guanxian.id, { achievedOn }))).status).toBe(400);
    // A request or visit source must be one of this firm's.
    const [request] = await ctx.db.insert(serviceRequests).values({ enterpriseId: w.linqing.id, supportAction: SUPPORT_ACTIONS[0], title: '精益改善', description: '产线改善', stateSince: new Date() }).returning();
    const [visit] = await ctx.db.insert(serviceVisits).values({ enterpriseId: w.linqing.id, status: 'done', basis: 'request', date: '2026-03-01', requestId: request!.id }).returning();
    for (const source of [{ sourceKind: 'request', sourceId: request!.id }, { sourceKind: 'visit', sourceId: visit!.id }]) {
      expect((await w.bureau.client.call('POST', '/admin/outcomes', outcome(w.guanxian.id, source))).json.error.code).toBe('invalid_outcome');
      expect((await w.bureau.client.call('POST', '/admin/outcomes', outcome(w.linqing.id, source))).status).toBe(201);
    }
    // The list names what produced each outcome.
    const listed = (await w.bureau.client.call('GET', `/admin/outcomes?enterpriseId=${w.linqing.id}`)).json.items as { sourceKind: string; sourceTitle: string }[];
    expect(listed.map((o) => [o.sourceKind, o.sourceTitle]).sort()).toEqual([['request', `#${request!.id} 精益改善`], ['visit', `#${visit!.id} 2026-03-01`]]);
  });
});

describe('outcomes: evidence', () => {
  it("takes the firm's own attachments as evidence and refuses another firm's", async () => {
    const w = await world();
    const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const own = await w.bureau.client.upload(`/admin/enterprises/${w.linqing.id}/attachments`, PDF, '授信合同.pdf');
    const other = await w.bureau.client.upload(`/admin/enterprises/${w.guanxian.id}/attachments`, PDF, '别家合同.pdf');
    expect(own.status).toBe(201);
    const refused = await w.bureau.client.call('POST', '/admin/outcomes', outcome(w.linqing.id, { attachmentIds: [own.json.id, other.json.id] }));
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('attachment_unknown');
    const saved = await w.officer.client.call('POST', '/admin/outcomes', outcome(w.linqing.id, { attachmentIds: [own.json.id] }));
    expect(saved.status).toBe(201);
    const list = await w.officer.client.call('GET', `/admin/outcomes?enterpriseId=${w.linqing.id}`);
    expect(list.json.items[0].evidence).toEqual([{ id: own.json.id, name: '授信合同.pdf' }]);
  });
});

describe('outcomes in the dossier', () => {
  it("lists the firm's outcomes, with their verification, in its dossier", async () => {
    const w = await world();
    await w.officer.client.call('POST', '/admin/outcomes', outcome(w.linqing.id, { type: 'patents', value: 3, description: '新增发明专利' }));
    await w.bureau.client.call('POST', '/admin/outcomes', outcome(w.guanxian.id));
    const dossier = await w.officer.client.call('GET', `/admin/enterprises/${w.linqing.id}`);
    expect(dossier.status).toBe(200);
    expect(dossier.json.outcomes).toEqual([expect.objectContaining({ type: 'patents', value: 3, description: '新增发明专利', verified: false, recordedByName: w.officer.user.displayName })]);
  });
});
