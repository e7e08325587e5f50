/**
 * `npm run admin -- <command>`: operations from the server's shell.
 *   invite <统一社会信用代码> [email]                          a 7-day invitation link for a person of that enterprise
 *   invite-staff <email> --role <county|expert|bureau|admin> [--county <area code>]   a 7-day staff invitation link
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { STAFF_ROLES } from '../api/admin/scope.ts';
import { inviteStaff } from '../api/admin/staff/accounts.ts';
import { COUNTIES } from '../api/domain/program.ts';
import { createInvitation } from '../api/auth/invitations.ts';
import { ConfigError, loadConfig } from '../api/config.ts';
import { migrateDb, openDb, type Db } from '../api/db/client.ts';
import { enterprises } from '../api/db/schema/index.ts';
import { isValidCreditCode, normalizeCreditCode } from '../api/domain/credit-code.ts';

const USAGE = [
  'usage: npm run admin -- invite <统一社会信用代码> [email]',
  `       npm run admin -- invite-staff <email> --role <${STAFF_ROLES.join('|')}> [--county <${COUNTIES.join('|')}>]`,
].join('\n');

/** Issues an invitation for the enterprise with this credit code; returns the link to send. */
export async function inviteCommand(db: Db, publicUrl: string, code: string, email?: string): Promise<string> {
  const creditCode = normalizeCreditCode(code);
  if (!isValidCreditCode(creditCode)) throw new Error(`统一社会信用代码无效 Invalid unified social credit code: ${code}`);
  const [firm] = await db.select().from(enterprises).where(eq(enterprises.creditCode, creditCode));
  if (!firm) throw new Error(`找不到该企业 No enterprise with credit code ${creditCode}`);
  const { token, invitation } = await createInvitation(db, { role: 'enterprise', enterpriseId: firm.id, email });
  return `${firm.name}\n${publicUrl}/portal/invite/${token}\n有效期至 Valid until ${invitation.expiresAt.toISOString()}`;
}

/** Issues a staff invitation from the command line (the first admin has no web page to do it from). */
export async function inviteStaffCommand(db: Db, publicUrl: string, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({ args, options: { role: { type: 'string' }, county: { type: 'string' } }, allowPositionals: true });
  const email = positionals[0];
  const role = STAFF_ROLES.find((r) => r === values.role);
  const county = values.county === undefined ? null : COUNTIES.find((c) => c === values.county);
  if (!email || !role || county === undefined) throw new Error(USAGE);
  const { token, invitation } = await inviteStaff(db, { email, role, county });
  return `${email} (${role}${county ? ' · ' + county : ''})\n${publicUrl}/portal/invite/${token}\n有效期至 Valid until ${invitation.expiresAt.toISOString()}`;
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if ((command !== 'invite' && command !== 'invite-staff') || !args[0]) throw new Error(USAGE);
  const config = loadConfig();
  const db = await openDb(config.databaseUrl, config.databaseAuthToken);
  await migrateDb(db);
  try {
    console.log(command === 'invite' ? await inviteCommand(db, config.publicUrl, args[0], args[1]) : await inviteStaffCommand(db, config.publicUrl, args));
  } finally {
    db.$client.close();
  }
}

if (import.meta.main) {
  main().catch((err: unknown) => {
    console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
