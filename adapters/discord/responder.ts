/**
 * How the initial response to an interaction leaves: a REST callback for interactions that came
 * over the gateway, or the body of the HTTP response for the interactions endpoint. Everything
 * after it (edits of the original, follow-ups) goes through the same webhook calls either way,
 * so the two transports behave the same.
 */
import type { ServerResponse } from 'node:http';
import type { APIInteractionResponse } from 'discord-api-types/v10';
import type { DiscordApi } from './api.js';

export interface Responder {
  /** Sends the one initial response; must happen within 3 s of the interaction. */
  reply(response: APIInteractionResponse): Promise<void>;
  /** True once `reply` went out. */
  readonly replied: boolean;
  /**
   * Ends the request with no initial response (a replay: Discord itself never sends one twice,
   * and the first was answered). Over HTTP a 200 with an empty body; over the gateway nothing.
   */
  drop(): Promise<void>;
}

export class RestResponder implements Responder {
  replied = false;

  constructor(
    private readonly api: DiscordApi,
    private readonly interaction: { id: string; token: string },
  ) {}

  async reply(response: APIInteractionResponse): Promise<void> {
    // Marked first: if the call fails, a second attempt would only be refused as 40060.
    this.replied = true;
    await this.api.callback(this.interaction.id, this.interaction.token, response);
  }

  async drop(): Promise<void> {
    this.replied = true;
  }
}

export class HttpResponder implements Responder {
  replied = false;

  constructor(private readonly res: ServerResponse) {}

  async reply(response: APIInteractionResponse): Promise<void> {
    if (this.replied) throw new Error('interaction already answered');
    this.replied = true;
    // Waiting for the body to be flushed keeps follow-ups from racing ahead of the response.
    await new Promise<void>((resolve) => {
      this.res.writeHead(200, { 'content-type': 'application/json' });
      this.res.end(JSON.stringify(response), () => resolve());
    });
  }

  async drop(): Promise<void> {
    if (this.replied) return;
    this.replied = true;
    await new Promise<void>((resolve) => {
      this.res.writeHead(200);
      this.res.end(() => resolve());
    });
  }
}
