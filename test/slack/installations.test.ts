import { describe, expect, it } from 'vitest';
import type { Installation } from '@slack/bolt';
import { SharedRecordsInstallationStore } from '../../adapters/slack/installations.js';
import { isDeliveryError } from '../../src/core/errors.js';
import { SecretBox } from '../../src/infra/crypto/secret-box.js';
import { openDatabase } from '../../src/infra/db/sqlite/open-database.js';
import { SqliteSharedRecords } from '../../src/infra/db/sqlite/sqlite-shared-records.js';
import { ManualClock } from '../support/manual-clock.js';
import { T0 } from '../helpers.js';

const installation = { team: { id: 'T0ACME' }, enterprise: undefined, isEnterpriseInstall: false, bot: { token: 'xoxb-acme', scopes: [], id: 'B1', userId: 'U0BOT' }, user: { id: 'U1', token: undefined, scopes: undefined } } as unknown as Installation;

describe('Slack installations in the shared store', () => {
  it('an instance with another YAKJEONG_SECRET_KEY says so, instead of calling the workspace uninstalled', async () => {
    const database = openDatabase(':memory:');
    const records = new SqliteSharedRecords(database);
    const clock = new ManualClock(T0);
    const installedHere = new SharedRecordsInstallationStore(records, new SecretBox('a1'.repeat(32)), clock);
    await installedHere.storeInstallation(installation);
    expect(await installedHere.tokenFor('T0ACME')).toBe('xoxb-acme');

    const otherKey = new SharedRecordsInstallationStore(records, new SecretBox('b2'.repeat(32)), clock);
    const refused = await otherKey.tokenFor('T0ACME').then(() => undefined, (err: unknown) => err);
    expect(isDeliveryError(refused)).toBe(false);
    expect(String(refused)).toMatch(/YAKJEONG_SECRET_KEY/);
    // A workspace that never installed is still "not installed", for good.
    const missing = await otherKey.tokenFor('T0NONE').then(() => undefined, (err: unknown) => err);
    expect(isDeliveryError(missing, 'permanent')).toBe(true);
    database.close();
  });
});
