/**
 * A workspace that removes the app, or revokes its bot token, is forgotten at once: its
 * installation (and so its token) is deleted from the shared store, and nothing more is sent there.
 */
import type { App } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import type { SharedRecordsInstallationStore } from './installations.js';

interface Workspace {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

export function registerUninstallHandlers(app: App, installations: SharedRecordsInstallationStore, logger: Logger): void {
  async function forget(where: Workspace, why: string): Promise<void> {
    const isEnterpriseInstall = where.isEnterpriseInstall === true;
    if (isEnterpriseInstall && where.enterpriseId) {
      await installations.deleteInstallation({ enterpriseId: where.enterpriseId, teamId: undefined, isEnterpriseInstall: true });
    } else if (where.teamId) {
      await installations.deleteInstallation({ teamId: where.teamId, enterpriseId: where.enterpriseId, isEnterpriseInstall: false });
    } else {
      logger.warn({ why }, 'an uninstall event named no workspace');
      return;
    }
    logger.info({ team: where.teamId, enterprise: where.enterpriseId, why }, 'Slack installation removed');
  }

  app.event('app_uninstalled', async ({ context }) => {
    await forget(context, 'app_uninstalled');
  });

  app.event('tokens_revoked', async ({ event, context }) => {
    // Revoked user tokens leave the bot working; only a revoked bot token ends the installation.
    if (event.tokens.bot?.length) await forget(context, 'tokens_revoked');
  });
}
