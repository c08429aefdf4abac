/**
 * Workspaces that installed the app through Slack's OAuth flow, behind Bolt's
 * `installationStore` and kept in the shared store (scope "slack-installation"), so every
 * instance sees an install the moment it happens. The whole installation, bot token included,
 * is sealed with YAKJEONG_SECRET_KEY before it is written.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { DeliveryError } from '../../src/core/errors.js';
import type { Clock, SharedRecords } from '../../src/core/ports.js';
import type { SecretBox } from '../../src/infra/crypto/secret-box.js';

export const INSTALLATION_RECORDS = 'slack-installation';

/** Which bot token speaks for a workspace (the poll's `workspaceId`: "T…" or "E…:T…"). */
export interface WorkspaceTokens {
  tokenFor(workspaceId: string): Promise<string>;
}

/** One workspace, one SLACK_BOT_TOKEN, as before OAuth. */
export function singleWorkspaceToken(token: string): WorkspaceTokens {
  return { tokenFor: async () => token };
}

/** An org-wide install answers for every workspace of its organisation; a workspace install for itself. */
function recordKey(query: { enterpriseId?: string | undefined; teamId?: string | undefined; isEnterpriseInstall: boolean }): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  if (query.teamId) return `team:${query.teamId}`;
  throw new Error('an installation names neither its team nor its organisation');
}

function isInstallation(value: unknown): value is Installation {
  if (typeof value !== 'object' || value === null || !('isEnterpriseInstall' in value)) return false;
  return typeof value.isEnterpriseInstall === 'boolean';
}

export class SharedRecordsInstallationStore implements InstallationStore, WorkspaceTokens {
  constructor(
    private readonly records: SharedRecords,
    private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const key = recordKey({ enterpriseId: installation.enterprise?.id, teamId: installation.team?.id, isEnterpriseInstall: installation.isEnterpriseInstall === true });
    await this.records.put(INSTALLATION_RECORDS, key, this.box.seal(JSON.stringify(installation), key), this.clock.now());
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const found = await this.find(query);
    if (!found) throw new Error(`no installation for ${query.teamId ?? query.enterpriseId ?? 'this workspace'}`);
    return found;
  }

  /** The workspace's installation, or its organisation's; undefined when there is none. */
  private async find(query: InstallationQuery<boolean>): Promise<Installation | undefined> {
    return (await this.read(recordKey(query))) ?? (query.enterpriseId ? await this.read(recordKey({ enterpriseId: query.enterpriseId, isEnterpriseInstall: true })) : undefined);
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.records.remove(INSTALLATION_RECORDS, recordKey(query));
  }

  /**
   * A workspace that is not installed (any more) gets nothing: nothing sent there can succeed.
   * A record this instance cannot open is another matter (its YAKJEONG_SECRET_KEY differs from
   * the one that sealed it): that error goes up as it is, naming the key, not as "not installed".
   */
  async tokenFor(workspaceId: string): Promise<string> {
    const [enterpriseId, teamId] = workspaceId.includes(':') ? workspaceId.split(':') : [undefined, workspaceId];
    const installation = await this.find({ teamId, enterpriseId, isEnterpriseInstall: false });
    const token = installation?.bot?.token;
    if (!token) throw new DeliveryError('permanent', { platformCode: 'not_installed' });
    return token;
  }

  private async read(key: string): Promise<Installation | undefined> {
    const sealed = await this.records.get(INSTALLATION_RECORDS, key);
    if (sealed === undefined) return undefined;
    let opened: string;
    try {
      opened = this.box.open(sealed, key);
    } catch (err) {
      throw new Error(`the stored installation ${key} cannot be opened: is YAKJEONG_SECRET_KEY the one it was installed under? (${err instanceof Error ? err.message : String(err)})`);
    }
    const value: unknown = JSON.parse(opened);
    if (!isInstallation(value)) throw new Error(`the stored installation ${key} is not one`);
    return value;
  }
}
