import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** Environment variables the platform reads — parsed once, at start, into one typed object. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  BIZENV_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave unset for the embedded SQLite file)')
    .optional(),
  BIZENV_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('Bizenv@2026'),
  BIZENV_SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  BIZENV_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  BIZENV_COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  BIZENV_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(10).default(5),
  BIZENV_LOGIN_RATE_PER_MIN: z.coerce.number().int().min(1).max(100000).default(30),
  BIZENV_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  BIZENV_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Notifications (src/modules/notifications): e-mail and a work-chat robot, both optional.
  BIZENV_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must look like smtp://user:pass@host:587 or smtps://…:465')
    .optional(),
  BIZENV_MAIL_FROM: z.string().min(3).default('bizenv <noreply@bizenv.local>'),
  BIZENV_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  BIZENV_WEBHOOK_FORMAT: z.enum(['text', 'json']).default('text'),
  BIZENV_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  // Jobs (src/jobs): how often a server process checks the schedules.
  BIZENV_SCHEDULER_TICK_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
  // `bizenv serve`: HTTP worker processes sharing the port ('auto' = one per CPU core; 1 = no cluster).
  BIZENV_WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default('auto'),
  // PostgreSQL connections all processes of one `bizenv serve` may hold together (see pgPoolSize).
  BIZENV_PG_CONNECTIONS: z.coerce.number().int().min(4).max(10000).default(80),
  // Reports (src/modules/reports): the browser that prints PDFs.
  BIZENV_CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demoPassword: string;
  seedDemo: 'auto' | 'always' | 'never';
  sessionHours: number;
  cookieSecure: boolean;
  loginMaxFailures: number;
  lockMinutes: number;
  /** Login attempts per client IP per minute, on top of the per-account lock. */
  loginRatePerMinute: number;
  uploadMaxBytes: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Where notifications go besides the in-app inbox; each channel is off when not configured. */
  notify: {
    smtpUrl: string | undefined;
    mailFrom: string;
    /** A WeCom/DingTalk group robot ('text' = {msgtype:'text', text:{content}}) or any JSON endpoint ('json'). */
    webhookUrl: string | undefined;
    webhookFormat: 'text' | 'json';
    /** Makes in-app links absolute in e-mails and robot messages. */
    publicUrl: string | undefined;
  };
  schedulerTickSeconds: number;
  /**
   * HTTP worker processes of `bizenv serve` (node:cluster, one port). With more than one, the
   * primary process migrates, seeds and runs the job scheduler; the workers only serve requests.
   */
  workers: number;
  /** PostgreSQL connections shared by all processes of one server; each pool gets its part. */
  pgConnections: number;
  /** Headless Chromium used to print PDFs (Debian package chromium). */
  chromiumPath: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.BIZENV_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demoPassword: e.BIZENV_DEMO_PASSWORD,
    seedDemo: e.BIZENV_SEED_DEMO,
    sessionHours: e.BIZENV_SESSION_HOURS,
    cookieSecure: e.BIZENV_COOKIE_SECURE === 'true',
    loginMaxFailures: e.BIZENV_LOGIN_MAX_FAILURES,
    lockMinutes: e.BIZENV_LOCK_MINUTES,
    loginRatePerMinute: e.BIZENV_LOGIN_RATE_PER_MIN,
    uploadMaxBytes: e.BIZENV_UPLOAD_MAX_MB * 1024 * 1024,
    logLevel: e.LOG_LEVEL,
    notify: {
      smtpUrl: e.BIZENV_SMTP_URL,
      mailFrom: e.BIZENV_MAIL_FROM,
      webhookUrl: e.BIZENV_WEBHOOK_URL,
      webhookFormat: e.BIZENV_WEBHOOK_FORMAT,
      publicUrl: e.BIZENV_PUBLIC_URL?.replace(/\/+$/, ''),
    },
    schedulerTickSeconds: e.BIZENV_SCHEDULER_TICK_SECONDS,
    workers: e.BIZENV_WORKERS === 'auto' ? os.availableParallelism() : e.BIZENV_WORKERS,
    pgConnections: e.BIZENV_PG_CONNECTIONS,
    chromiumPath: e.BIZENV_CHROMIUM_PATH,
  };
}
