/** The app manifests agree with what the adapter registers and calls. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND, SLACK_EVENTS_PATH } from '../../adapters/slack/index.js';

const read = (name: string) => readFileSync(new URL(`../../assets/slack/${name}`, import.meta.url), 'utf8');
/** Every Web API family the adapter calls needs its scope. */
const SCOPES = ['commands', 'chat:write', 'chat:write.public', 'files:write', 'users:read', 'im:write'];

describe('Slack app manifests', () => {
  for (const [name, socket] of [['manifest.yaml', true], ['manifest-http.yaml', false]] as const) {
    it(`${name} declares the command, interactivity and scopes`, () => {
      const text = read(name);
      expect(text).toContain(`- command: ${COMMAND}\n`);
      expect(text).toMatch(/should_escape: true/);
      expect(text).toMatch(/interactivity:\n\s+is_enabled: true/);
      expect(text).toContain(`socket_mode_enabled: ${socket}`);
      const scopes = [...text.matchAll(/^\s+- ([a-z]+(?::[a-z.]+)?)\s*(?:#.*)?$/gm)].map((m) => m[1]);
      expect(scopes).toEqual(SCOPES);
      if (!socket) expect(text.match(new RegExp(`url: https://YOUR-HOST${SLACK_EVENTS_PATH}\\n`, 'g'))).toHaveLength(2);
    });
  }
});
