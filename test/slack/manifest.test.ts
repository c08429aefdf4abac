/** The app manifests agree with what the adapter registers and calls. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND, SLACK_BOT_SCOPES, SLACK_EVENTS_PATH, SLACK_OAUTH_REDIRECT_PATH } from '../../adapters/slack/index.js';

const read = (name: string) => readFileSync(new URL(`../../assets/slack/${name}`, import.meta.url), 'utf8');

describe('Slack app manifests', () => {
  for (const [name, socket] of [['manifest.yaml', true], ['manifest-http.yaml', false], ['manifest-oauth.yaml', false]] as const) {
    it(`${name} declares the command, interactivity and scopes`, () => {
      const text = read(name);
      expect(text).toContain(`- command: ${COMMAND}\n`);
      expect(text).toMatch(/should_escape: true/);
      expect(text).toMatch(/interactivity:\n\s+is_enabled: true/);
      expect(text).toContain(`socket_mode_enabled: ${socket}`);
      // Every Web API family the adapter calls needs its scope (the bot events are not scopes).
      const scopes = [...text.matchAll(/^\s+- ([a-z]+(?::[a-z.]+)?)\s*(?:#.*)?$/gm)].map((m) => m[1]).filter((s) => !/_/.test(s!));
      expect(scopes).toEqual([...SLACK_BOT_SCOPES]);
      const requestUrls = name === 'manifest-oauth.yaml' ? 3 : 2;
      if (!socket) expect(text.match(new RegExp(`url: https://YOUR-HOST${SLACK_EVENTS_PATH}\\n`, 'g'))).toHaveLength(requestUrls);
    });
  }

  it('manifest-oauth.yaml sends installs back to the redirect path and subscribes to the uninstall events', () => {
    const text = read('manifest-oauth.yaml');
    expect(text).toMatch(new RegExp(`redirect_urls:\\n\\s+- https://YOUR-HOST${SLACK_OAUTH_REDIRECT_PATH}\\n`));
    expect(text).toMatch(/bot_events:\n\s+- app_uninstalled\n\s+- tokens_revoked\n/);
  });
});
