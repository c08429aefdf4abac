/**
 * The one place that reads the environment. One zod schema; typed slices per part.
 * A `.env` file in the working directory is loaded first when present.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { canonicalTimezone } from './core/domain/time.js';

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const schema = z.object({
  YAKJEONG_DEFAULT_TZ: z
    .string()
    .default('Asia/Seoul')
    .refine((tz) => canonicalTimezone(tz) !== undefined, { message: 'not an IANA time zone, e.g. Asia/Seoul' })
    .transform((tz) => canonicalTimezone(tz)!),
  YAKJEONG_LOCALE: z.enum(['ko', 'en']).default('ko'),
  YAKJEONG_OUT_DIR: z.string().min(1).default('./out'),
  DATABASE_PATH: z.string().min(1).default('./data/yakjeong.db'),
  DATABASE_URL: optionalText.pipe(z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: optionalText.pipe(z.url().optional()),
  SLACK_MEETING_REMINDER_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_PUBLIC_KEY: optionalText.pipe(z.string().regex(/^[0-9a-fA-F]{64}$/, 'a 64-character hex key').optional()),
  DISCORD_GUILD_ID: optionalText,
  DISCORD_API_URL: optionalText.pipe(z.url().optional()),
});

export type Env = z.infer<typeof schema>;

export interface SlackConfig {
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  apiUrl?: string;
  meetingReminderMinutes: number;
}

export interface DiscordConfig {
  token?: string;
  applicationId?: string;
  publicKey?: string;
  guildId?: string;
  apiUrl?: string;
}

export interface Config {
  defaultTimezone: string;
  locale: 'ko' | 'en';
  outDir: string;
  databasePath: string;
  /** PostgreSQL instead of the SQLite file at databasePath. */
  databaseUrl?: string;
  logLevel?: Env['LOG_LEVEL'];
  port: number;
  slack?: SlackConfig;
  discord?: DiscordConfig;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // `KEY=` in a .env file means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  const config: Config = {
    defaultTimezone: e.YAKJEONG_DEFAULT_TZ,
    locale: e.YAKJEONG_LOCALE,
    outDir: e.YAKJEONG_OUT_DIR,
    databasePath: e.DATABASE_PATH,
    port: e.PORT,
  };
  if (e.DATABASE_URL) config.databaseUrl = e.DATABASE_URL;
  if (e.LOG_LEVEL) config.logLevel = e.LOG_LEVEL;
  if (e.SLACK_BOT_TOKEN) {
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      throw new ConfigError('SLACK_BOT_TOKEN is set: also set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP).');
    }
    config.slack = strip({
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL,
      meetingReminderMinutes: e.SLACK_MEETING_REMINDER_MINUTES,
    });
  }
  if (e.DISCORD_TOKEN || e.DISCORD_PUBLIC_KEY) {
    if (!e.DISCORD_APPLICATION_ID) throw new ConfigError('DISCORD_APPLICATION_ID is required with DISCORD_TOKEN or DISCORD_PUBLIC_KEY.');
    config.discord = strip({
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      publicKey: e.DISCORD_PUBLIC_KEY,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
    });
  }
  return config;
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The configured values that must never be shown (logs, error text, replies): tokens, the signing
 * secret and the database password. The logger replaces them wherever they turn up.
 */
export function secretValues(config: Config): string[] {
  const secrets = [config.slack?.botToken, config.slack?.appToken, config.slack?.signingSecret, config.discord?.token];
  if (config.databaseUrl) {
    try {
      const password = new URL(config.databaseUrl).password;
      secrets.push(password, decodeURIComponent(password));
    } catch {
      // Not a URL: the schema has already refused it.
    }
  }
  return [...new Set(secrets.filter((s): s is string => Boolean(s)))];
}

/** Reads .env (if present) and process.env once. */
export function loadConfig(): Config {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return parseConfig(process.env);
}
