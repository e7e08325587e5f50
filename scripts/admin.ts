/**
 * `npm run admin -- <command>`: the bureau's operations until its web UI exists.
 *   invite <统一社会信用代码> [email]   print a 7-day invitation link for a person of that enterprise
 */
import { eq } from 'drizzle-orm';
import { createInvitation } from '../api/auth/invitations.ts';
import { ConfigError, loadConfig } from '../api/config.ts';
import { migrateDb, openDb, type Db } from '../api/db/client.ts';
import { enterprises } from '../api/db/schema/index.ts';
import { isValidCreditCode, normalizeCreditCode } from '../api/domain/credit-code.ts';

const USAGE = 'usage: npm run admin -- invite <统一社会信用代码> [email]';

/** Issues an invitation for the enterprise with this credit code; returns the link to send. */
export async function inviteCommand(db: Db, publicUrl: string, code: string, email?: string): Promise<string> {
  const creditCode = normalizeCreditCode(code);
  if (!isValidCreditCode(creditCode)) throw new Error(`统一社会信用代码无效 Invalid unified social credit code: ${code}`);
  const [firm] = await db.select().from(enterprises).where(eq(enterprises.creditCode, creditCode));
  if (!firm) throw new Error(`找不到该企业 No enterprise with credit code ${creditCode}`);
  const { token, invitation } = await createInvitation(db, { role: 'enterprise', enterpriseId: firm.id, email });
  return `${firm.name}\n${publicUrl}/portal/invite/${token}\n有效期至 Valid until ${invitation.expiresAt.toISOString()}`;
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'invite' || !args[0]) throw new Error(USAGE);
  const config = loadConfig();
  const db = await openDb(config.databaseUrl, config.databaseAuthToken);
  await migrateDb(db);
  try {
    console.log(await inviteCommand(db, config.publicUrl, args[0], args[1]));
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
