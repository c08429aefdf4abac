import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

describe('config', () => {
  it('defaults to the console with Seoul time and Korean', () => {
    expect(parseConfig({})).toEqual({
      defaultTimezone: 'Asia/Seoul',
      locale: 'ko',
      outDir: './out',
      databasePath: './data/yakjeong.db',
      port: 3000,
      web: {},
    });
  });

  it('reads the web grid settings: a public address without its trailing slash, a secret long enough', () => {
    expect(parseConfig({ YAKJEONG_PUBLIC_URL: 'https://yakjeong.example.com/', YAKJEONG_WEB_SECRET: 'x'.repeat(32) }).web).toEqual({
      publicUrl: 'https://yakjeong.example.com',
      secret: 'x'.repeat(32),
    });
    expect(() => parseConfig({ YAKJEONG_WEB_SECRET: 'short' })).toThrow(/YAKJEONG_WEB_SECRET: at least 32 characters/);
    expect(() => parseConfig({ YAKJEONG_PUBLIC_URL: 'ftp://example.com' })).toThrow(/YAKJEONG_PUBLIC_URL/);
  });

  it('reads Slack and Discord settings and treats empty values as unset', () => {
    const config = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_SIGNING_SECRET: '',
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: '123',
      YAKJEONG_DEFAULT_TZ: 'america/new_york',
    });
    expect(config.slack).toEqual({ botToken: 'xoxb-1', appToken: 'xapp-1', meetingReminderMinutes: 10 });
    expect(config.discord).toEqual({ token: 't', applicationId: '123', gateway: true });
    expect(config.defaultTimezone).toBe('America/New_York');
  });

  it('names what is wrong', () => {
    expect(() => parseConfig({ YAKJEONG_DEFAULT_TZ: 'Mars/Base' })).toThrow(/YAKJEONG_DEFAULT_TZ: not an IANA time zone/);
    expect(() => parseConfig({ SLACK_BOT_TOKEN: 'xoxb' })).toThrow(ConfigError);
    expect(() => parseConfig({ DISCORD_TOKEN: 't' })).toThrow(/DISCORD_APPLICATION_ID/);
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('chooses PostgreSQL with a postgres:// DATABASE_URL, and refuses any other URL without echoing it', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://bot:pw@db:5432/yakjeong' }).databaseUrl).toBe('postgres://bot:pw@db:5432/yakjeong');
    expect(parseConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    expect(() => parseConfig({ DATABASE_URL: 'mysql://bot:secret@db/y' })).toThrow(/DATABASE_URL: a postgres:\/\/ URL/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://bot:secret@db/y' })).not.toThrow(/secret/);
  });
});
