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
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'at least 16 characters (e.g. openssl rand -hex 32)').optional()),
  YAKJEONG_PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  YAKJEONG_WEB_SECRET: optionalText.pipe(z.string().min(32, 'at least 32 characters').optional()),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: optionalText.pipe(z.url().optional()),
  SLACK_MEETING_REMINDER_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText.pipe(z.string().min(16, 'at least 16 characters (e.g. openssl rand -hex 32)').optional()),
  YAKJEONG_SECRET_KEY: optionalText.pipe(z.string().regex(/^[0-9a-fA-F]{64}$/, '32 bytes as 64 hex characters (openssl rand -hex 32)').optional()),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_PUBLIC_KEY: optionalText.pipe(z.string().regex(/^[0-9a-fA-F]{64}$/, 'a 64-character hex key').optional()),
  DISCORD_GUILD_ID: optionalText,
  DISCORD_API_URL: optionalText.pipe(z.url().optional()),
  DISCORD_GATEWAY: optionalText.pipe(z.enum(['on', 'off'], { message: 'on or off' }).optional()),
});

export type Env = z.infer<typeof schema>;

/** Installing into any workspace through Slack's OAuth flow (HTTP mode only). */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** 32 bytes (hex) that encrypt the workspaces' bot tokens at rest. */
  secretKey: string;
}

/** Exactly one of `botToken` (one workspace) and `oauth` (any number of workspaces). */
export interface SlackConfig {
  botToken?: string;
  oauth?: SlackOAuthConfig;
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
  /**
   * Whether to open a gateway connection. Off when interactions come over HTTP (DISCORD_PUBLIC_KEY):
   * they then never arrive over the gateway, and every instance behind a load balancer would
   * open a session for nothing. DISCORD_GATEWAY=on keeps it.
   */
  gateway: boolean;
}

export interface WebConfig {
  /** Where people reach the web grid (https://yakjeong.example.com); without it only the console links to it. */
  publicUrl?: string;
  /** Signs the private links; without it one is generated once and kept in the store. */
  secret?: string;
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
  /** Bearer token GET /metrics asks for; without it /metrics is open to whoever reaches the port. */
  metricsToken?: string;
  web: WebConfig;
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
    web: strip({ publicUrl: e.YAKJEONG_PUBLIC_URL?.replace(/\/+$/, ''), secret: e.YAKJEONG_WEB_SECRET }),
  };
  if (e.DATABASE_URL) config.databaseUrl = e.DATABASE_URL;
  if (e.LOG_LEVEL) config.logLevel = e.LOG_LEVEL;
  if (e.METRICS_TOKEN) config.metricsToken = e.METRICS_TOKEN;
  const oauth = slackOAuth(e);
  if (e.SLACK_BOT_TOKEN || oauth) {
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      throw new ConfigError('SLACK_BOT_TOKEN is set: also set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP).');
    }
    config.slack = strip({
      botToken: e.SLACK_BOT_TOKEN,
      oauth,
      appToken: e.SLACK_APP_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL,
      meetingReminderMinutes: e.SLACK_MEETING_REMINDER_MINUTES,
    });
  }
  if (e.DISCORD_TOKEN || e.DISCORD_PUBLIC_KEY) {
    if (!e.DISCORD_APPLICATION_ID) throw new ConfigError('DISCORD_APPLICATION_ID is required with DISCORD_TOKEN or DISCORD_PUBLIC_KEY.');
    const gateway = e.DISCORD_GATEWAY ? e.DISCORD_GATEWAY === 'on' : !e.DISCORD_PUBLIC_KEY;
    if (gateway && !e.DISCORD_TOKEN) throw new ConfigError('DISCORD_GATEWAY=on needs DISCORD_TOKEN (the gateway logs in with the bot token); set it, or remove DISCORD_GATEWAY.');
    if (!gateway && !e.DISCORD_PUBLIC_KEY) {
      throw new ConfigError('DISCORD_GATEWAY=off needs DISCORD_PUBLIC_KEY: without the gateway, interactions only arrive at the HTTP endpoint. Set the key, or remove DISCORD_GATEWAY.');
    }
    config.discord = strip({
      gateway,
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      publicKey: e.DISCORD_PUBLIC_KEY,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
    });
  }
  return config;
}

const OAUTH_SETTINGS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** The OAuth settings when any is given: all three, HTTP mode, the secret key, and no single bot token. */
function slackOAuth(e: Env): SlackOAuthConfig | undefined {
  const given = OAUTH_SETTINGS.filter((k) => e[k] !== undefined);
  if (!given.length) return undefined;
  if (e.SLACK_BOT_TOKEN) {
    throw new ConfigError(
      `Both SLACK_BOT_TOKEN and ${given.join(', ')} are set. Keep SLACK_BOT_TOKEN to serve one workspace, ` +
        'or remove it to let any workspace install the app through /slack/install (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET).',
    );
  }
  const missing = OAUTH_SETTINGS.filter((k) => e[k] === undefined);
  if (missing.length) throw new ConfigError(`${given.join(', ')} set: installing into workspaces also needs ${missing.join(', ')} (from the app's Basic Information page; the state secret is any random string).`);
  if (e.SLACK_APP_TOKEN || !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError('Installing into workspaces (SLACK_CLIENT_ID) runs in HTTP mode: set SLACK_SIGNING_SECRET and remove SLACK_APP_TOKEN.');
  }
  if (!e.YAKJEONG_SECRET_KEY) {
    throw new ConfigError('YAKJEONG_SECRET_KEY is required with SLACK_CLIENT_ID: it encrypts the workspaces\' bot tokens in the database. Make one with `openssl rand -hex 32` and give every instance the same.');
  }
  return { clientId: e.SLACK_CLIENT_ID!, clientSecret: e.SLACK_CLIENT_SECRET!, stateSecret: e.SLACK_STATE_SECRET!, secretKey: e.YAKJEONG_SECRET_KEY };
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The configured values that must never be shown (logs, error text, replies): tokens, the signing
 * secret and the database password. The logger replaces them wherever they turn up.
 */
export function secretValues(config: Config): string[] {
  const secrets = [
    config.slack?.botToken,
    config.slack?.appToken,
    config.slack?.signingSecret,
    config.slack?.oauth?.clientSecret,
    config.slack?.oauth?.stateSecret,
    config.slack?.oauth?.secretKey,
    config.discord?.token,
    config.web.secret,
    config.metricsToken,
  ];
  if (config.databaseUrl) {
    try {
      const url = new URL(config.databaseUrl);
      secrets.push(url.password, decodeURIComponent(url.password));
      // node-postgres also takes the password as a query parameter (searchParams has decoded it).
      secrets.push(url.searchParams.get('password') ?? '');
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
