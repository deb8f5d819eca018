import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root: relative data paths are taken from here, whatever the working directory. */
export const rootDir = fileURLToPath(new URL('../../../', import.meta.url));

export interface Config {
  host: string;
  port: number;
  production: boolean;
  logLevel: string;
  role: 'all' | 'api' | 'worker';
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  temporal:
    | { kind: 'external'; address: string; namespace: string; apiKey?: string; tls: boolean }
    | { kind: 'dev-server'; cliPath: string; port: number; uiPort: number; dbFile: string; namespace: string };
  taskQueue: string;
  /** How many workflows a worker keeps in memory between their tasks; the rest are replayed when they wake. */
  maxCachedWorkflows: number;
  webDist: string;
  /** The largest document an upload may bring, in bytes. */
  maxUploadBytes: number;
  /** The master key of the individual numbers' envelope encryption (a KMS-held key in production). */
  payoutMasterKey: { id: string; base64: string };
  mail: {
    /** An SMTP server, or the embedded catcher that keeps messages in the database. */
    smtp: { kind: 'external'; url: string } | { kind: 'catcher' };
    from: string;
    /** The address of the web app, for links in e-mails. */
    publicUrl: string;
  };
}

/** A whole number from min to max, or the fallback when unset; `what` names it in the error. */
const wholeNumber = (name: string, fallback: number, min: number, max: number, what: string) =>
  z
    .string()
    .default(String(fallback))
    .transform((value, ctx) => {
      const number = Number(value);
      if (!/^\d+$/.test(value) || number < min || number > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be ${what} from ${min} to ${max}, not "${value}"` });
        return z.NEVER;
      }
      return number;
    });

const port = (name: string, fallback: number) => wholeNumber(name, fallback, 1, 65_535, 'a port number');

const flag = (name: string) =>
  z
    .string()
    .default('false')
    .transform((value, ctx) => {
      if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
      if (['0', 'false', 'no', ''].includes(value.toLowerCase())) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false, not "${value}"` });
      return z.NEVER;
    });

const environment = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port('PORT', 4000),
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  TSUNAGU_ROLE: z.enum(['all', 'api', 'worker'], { error: 'TSUNAGU_ROLE must be all, api or worker' }).default('all'),
  DATABASE_URL: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined || value === '') return;
      // The URL may hold a password: the message names its shape, never its text.
      if (!URL.canParse(value) || !/^postgres(ql)?:$/.test(new URL(value).protocol) || !new URL(value).hostname) {
        ctx.addIssue({
          code: 'custom',
          message: 'DATABASE_URL is not a PostgreSQL URL (expected postgres://user:password@host:5432/database)',
        });
      }
    }),
  TSUNAGU_DATA_DIR: z.string().default('.data'),
  PGLITE_DIR: z.string().optional(),
  TEMPORAL_ADDRESS: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined || value === '') return;
      if (!/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/.test(value)) {
        ctx.addIssue({ code: 'custom', message: `TEMPORAL_ADDRESS must be host:port, not "${value}"` });
      }
    }),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('tsunagu'),
  TEMPORAL_API_KEY: z.string().optional(),
  TEMPORAL_TLS: flag('TEMPORAL_TLS'),
  TEMPORAL_CLI_PATH: z.string().min(1).default('temporal'),
  TEMPORAL_DEV_PORT: port('TEMPORAL_DEV_PORT', 7233),
  TEMPORAL_UI_PORT: port('TEMPORAL_UI_PORT', 8233),
  TEMPORAL_MAX_CACHED_WORKFLOWS: wholeNumber('TEMPORAL_MAX_CACHED_WORKFLOWS', 100, 2, 100_000, 'a number of workflows'),
  SMTP_URL: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined || value === '') return;
      // The URL may hold a password: the message names its shape, never its text.
      if (!URL.canParse(value) || !/^smtps?:$/.test(new URL(value).protocol) || !new URL(value).hostname) {
        ctx.addIssue({
          code: 'custom',
          message:
            'SMTP_URL is not an SMTP URL (expected smtp://user:password@host:587 or smtps://user:password@host:465)',
        });
      }
    }),
  MAIL_FROM: z
    .string()
    .default('Tsunagu <no-reply@tsunagu.localhost>')
    .superRefine((value, ctx) => {
      if (!/^([^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(value.trim())) {
        ctx.addIssue({
          code: 'custom',
          message: `MAIL_FROM must be an address such as "Tsunagu <no-reply@example.jp>", not "${value}"`,
        });
      }
    }),
  DOCUMENT_MAX_BYTES: wholeNumber('DOCUMENT_MAX_BYTES', 20_000_000, 1, 1_000_000_000, 'a number of bytes'),
  PAYOUT_MASTER_KEY: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined || value === '') return;
      // The key is secret: the message names its shape, never its text.
      if (!/^[A-Za-z0-9+/]{43}=$/.test(value) || Buffer.from(value, 'base64').length !== 32) {
        ctx.addIssue({
          code: 'custom',
          message: 'PAYOUT_MASTER_KEY must be 32 random bytes in base64 (openssl rand -base64 32)',
        });
      }
    }),
  PAYOUT_MASTER_KEY_ID: z
    .string()
    .regex(/^[\w.-]{1,64}$/, 'PAYOUT_MASTER_KEY_ID must be a short name such as 2026-01')
    .default('1'),
  PUBLIC_URL: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined || value === '') return;
      if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
        ctx.addIssue({
          code: 'custom',
          message: `PUBLIC_URL must be the http:// or https:// address of the web app, not "${value}"`,
        });
      }
    }),
});

/** The embedded default's master key: public, for development data only (production requires its own). */
const developmentMasterKey = Buffer.alloc(32, 'tsunagu-development-key').toString('base64');

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** Reads and validates the environment once; every problem found is reported, not just the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  // The catcher keeps every e-mail, links and their tokens included, in the database: a
  // convenience of the embedded default, never the mail server of a production deployment.
  if (env.NODE_ENV === 'production' && !env.SMTP_URL) {
    problems.push('SMTP_URL is required in production (NODE_ENV=production): the mail catcher is for development only');
  }
  // The embedded default seals individual numbers under a development key that anyone can read
  // here; a deployment must bring its own.
  if (env.NODE_ENV === 'production' && !env.PAYOUT_MASTER_KEY) {
    problems.push('PAYOUT_MASTER_KEY is required in production (NODE_ENV=production): the development key is public');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = fromRoot(e.TSUNAGU_DATA_DIR);
  return {
    host: e.HOST,
    port: e.PORT,
    production: e.NODE_ENV === 'production',
    logLevel: e.LOG_LEVEL,
    role: e.TSUNAGU_ROLE,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: fromRoot(e.PGLITE_DIR ?? resolve(dataDir, 'pglite')) },
    temporal: e.TEMPORAL_ADDRESS
      ? {
          kind: 'external',
          address: e.TEMPORAL_ADDRESS,
          namespace: e.TEMPORAL_NAMESPACE,
          tls: e.TEMPORAL_TLS,
          ...(e.TEMPORAL_API_KEY ? { apiKey: e.TEMPORAL_API_KEY } : {}),
        }
      : {
          kind: 'dev-server',
          cliPath: e.TEMPORAL_CLI_PATH,
          port: e.TEMPORAL_DEV_PORT,
          uiPort: e.TEMPORAL_UI_PORT,
          dbFile: resolve(dataDir, 'temporal.sqlite'),
          namespace: e.TEMPORAL_NAMESPACE,
        },
    taskQueue: e.TEMPORAL_TASK_QUEUE,
    maxCachedWorkflows: e.TEMPORAL_MAX_CACHED_WORKFLOWS,
    payoutMasterKey: e.PAYOUT_MASTER_KEY
      ? { id: e.PAYOUT_MASTER_KEY_ID, base64: e.PAYOUT_MASTER_KEY }
      : { id: 'development', base64: developmentMasterKey },
    webDist: resolve(rootDir, 'web/dist'),
    maxUploadBytes: e.DOCUMENT_MAX_BYTES,
    mail: {
      smtp: e.SMTP_URL ? { kind: 'external', url: e.SMTP_URL } : { kind: 'catcher' },
      from: e.MAIL_FROM.trim(),
      publicUrl: e.PUBLIC_URL || `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`,
    },
  };
}

function fromRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(rootDir, path);
}
