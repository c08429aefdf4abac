/**
 * A Web API client per workspace: each call speaks with the bot token of the workspace it is
 * about (one SLACK_BOT_TOKEN, or the installation of that workspace). Clients are kept per
 * token, a cache only: a token that changes (a reinstall) simply gets a new client.
 */
import { webApi } from '@slack/bolt';
import type { WorkspaceTokens } from './installations.js';

/** Enough clients for every workspace one instance serves at once; the oldest go first. */
const MAX_CLIENTS = 1000;

export type ClientFor = (workspaceId: string) => Promise<webApi.WebClient>;

export class SlackClients {
  private readonly byToken = new Map<string, webApi.WebClient>();

  constructor(
    private readonly tokens: WorkspaceTokens,
    private readonly options: webApi.WebClientOptions,
  ) {}

  readonly forWorkspace: ClientFor = async (workspaceId) => {
    const token = await this.tokens.tokenFor(workspaceId);
    let client = this.byToken.get(token);
    if (!client) {
      client = new webApi.WebClient(token, this.options);
      this.byToken.set(token, client);
      while (this.byToken.size > MAX_CLIENTS) this.byToken.delete(this.byToken.keys().next().value!);
    }
    return client;
  };
}
