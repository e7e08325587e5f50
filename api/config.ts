import { accessSync, constants, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { isProxySpec } from './lib/client-address.ts';

/** Runtime configuration, read once from the environment at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** libSQL URL: `file:<dataDir>/platform.db` unless DATABASE_URL says otherwise. */
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** Demo mode seeds fictional firms on an empty database and enables demo accounts. */
  demo: boolean;
  /** Width of the generated demo panoramas (smaller in tests, where seeding must be quick). */
  demoPanoramaWidth: number;
  /** How many fictional firms the demo register holds besides the demo halls' firms. */
  demoRegisterFirms: number;
  /** Whether the demo's 2021–2025 cohorts get published halls (off in browser tests that count the 12 demo halls). */
  demoCohortHalls: boolean;
  production: boolean;
  /** Largest accepted 360° photo upload, in bytes. */
  panoramaUploadMaxBytes: number;
  /** Origin people reach the platform at, for links in invitations and sitemaps; in production every request's origin. */
  publicUrl: string;
  /** Outgoing mail: SMTP when a URL or host is set, else files under DATA_DIR/outbox-sent (demo, tests). */
  mail: { from: string; smtpUrl?: string; smtpHost?: string; smtpPort?: number; smtpUser?: string; smtpPass?: string };
  /**
   * Proxies whose forwarded headers (X-Forwarded-For) are believed: IPv4/IPv6 addresses or CIDR ranges, or
   * `loopback`. Empty: forwarded headers are ignored and the socket's address is the client's.
   */
  trustProxy: string[];
  /** App processes `npm start` runs on the port (WORKERS: a number, or `auto` = this machine's cores; default 1). */
  workers: number;
}

const boolFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(1, 'PORT must be between 1 and 65535')
    .max(65535, 'PORT must be between 1 and 65535')
    .default(4321),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^(libsql|https?|wss?|file):/, 'DATABASE_URL must start with libsql:, https:, wss: or file:')
    .refine((v) => v.startsWith('file:') || (URL.canParse(v) && new URL(v).host !== ''), 'DATABASE_URL is not a valid URL')
    .optional(),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  DEMO: boolFlag.default(true),
  DEMO_PANORAMA_WIDTH: z.coerce.number().int().min(512).max(8192).default(4096),
  DEMO_REGISTER_FIRMS: z.coerce.number().int().min(0).max(20000).default(1000),
  DEMO_COHORT_HALLS: z.enum(['0', '1']).default('1'),
  NODE_ENV: z.string().optional(),
  PANORAMA_UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(150),
  PUBLIC_URL: z
    .string()
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'PUBLIC_URL must be an http(s) URL')
    .optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  WORKERS: z
    .string()
    .regex(/^(auto|[1-9][0-9]?)$/, 'WORKERS must be a whole number from 1 to 99, or "auto" (one per core)')
    .default('1'),
  TRUST_PROXY: z
    .string()
    .transform((v) => v.split(',').map((p) => p.trim()).filter(Boolean))
    .refine((list) => list.every(isProxySpec), 'TRUST_PROXY must list IP addresses, CIDR ranges (10.0.0.0/8) or "loopback"')
    .optional(),
});

/** Thrown for configuration a person must fix; start-up prints the message alone and exits non-zero. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parse and check the environment; creates the data directory when missing. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.');
    throw new ConfigError(`配置错误 Invalid configuration: ${key}=${JSON.stringify(env[key] ?? '')}: ${issue.message}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !(e.PUBLIC_URL && new URL(e.PUBLIC_URL).protocol === 'https:')) {
    throw new ConfigError('配置错误 Invalid configuration: PUBLIC_URL must be the https:// origin people use when NODE_ENV=production');
  }
  const dataDir = resolve(e.DATA_DIR);
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch {
    throw new ConfigError(`配置错误 Invalid configuration: DATA_DIR=${dataDir} cannot be created or is not writable`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${resolve(dataDir, 'platform.db')}`,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    demo: e.DEMO,
    demoPanoramaWidth: e.DEMO_PANORAMA_WIDTH,
    demoRegisterFirms: e.DEMO_REGISTER_FIRMS,
    demoCohortHalls: e.DEMO_COHORT_HALLS === '1',
    production: e.NODE_ENV === 'production',
    panoramaUploadMaxBytes: Math.round(e.PANORAMA_UPLOAD_MAX_MB * 1024 * 1024),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    mail: {
      from: e.MAIL_FROM ?? '千企在线展馆 <no-reply@qianqi.example>',
      smtpUrl: e.SMTP_URL,
      smtpHost: e.SMTP_HOST,
      smtpPort: e.SMTP_PORT,
      smtpUser: e.SMTP_USER,
      smtpPass: e.SMTP_PASS,
    },
    trustProxy: e.TRUST_PROXY ?? [],
    workers: e.WORKERS === 'auto' ? availableParallelism() : Number(e.WORKERS),
  };
}
