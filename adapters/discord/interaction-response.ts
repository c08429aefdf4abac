/**
 * Where the answer to one Discord interaction stands. Discord takes exactly one initial
 * response within 3 s; after it, the original response can be edited and follow-ups sent for
 * 15 minutes. Which of those a message becomes follows from this state alone.
 */
import { InteractionResponseType, MessageFlags, type APIInteractionResponse } from 'discord-api-types/v10';
import type { DiscordApi, MessageRef } from './api.js';
import { attachUploads, hasUploads, type MessageBody, type RenderedView } from './render.js';
import type { Responder } from './responder.js';

export type ResponseState =
  /** Nothing sent yet: the next message can be the initial response itself. */
  | 'unanswered'
  /** "Thinking…" shows in the channel, waiting for its message. */
  | 'deferred-public'
  /** "Thinking…" shows to the actor only, waiting for its message. */
  | 'deferred-private'
  /** The initial response is out and nothing waits: what follows is an edit or a follow-up. */
  | 'filled';

/** Who sees a new message: the whole channel, or only the person who interacted. */
export type Visibility = 'public' | 'private';

const DEFERRED = { public: 'deferred-public', private: 'deferred-private' } as const satisfies Record<Visibility, ResponseState>;

/** Flags cannot change when editing a response; the deferral already decided who sees it. */
function withoutFlags(body: MessageBody): MessageBody {
  const { flags: _flags, ...rest } = body;
  return rest;
}

export class InteractionResponse {
  private current: ResponseState = 'unanswered';

  constructor(
    private readonly api: DiscordApi,
    private readonly interaction: { id: string; token: string },
    private readonly responder: Responder,
  ) {}

  get state(): ResponseState {
    return this.current;
  }

  get answered(): boolean {
    return this.current !== 'unanswered';
  }

  /** The whole initial response at once: a message, a modal, autocomplete choices, an update. */
  async answer(response: APIInteractionResponse): Promise<void> {
    if (this.current !== 'unanswered') throw new Error(`interaction already answered (${this.current})`);
    // Filled before the call: after a failed attempt a second one would only be refused (40060).
    this.current = 'filled';
    await this.responder.reply(response);
  }

  /**
   * A new message. Without files it can be the initial response itself; views with files (a
   * heatmap to draw, an .ics) defer first, since drawing may outlast the 3 s.
   */
  async send(rendered: RenderedView, visibility: Visibility): Promise<void> {
    if (this.current === 'unanswered' && !hasUploads(rendered)) {
      await this.answer({ type: InteractionResponseType.ChannelMessageWithSource, data: rendered.body });
      return;
    }
    await this.write(rendered, visibility);
  }

  /**
   * A new public message whose place must be known (the poll's live message): the immediate
   * response gives no message back, so it is deferred and then written into the original.
   */
  sendKept(rendered: RenderedView): Promise<MessageRef> {
    return this.write(rendered, 'public');
  }

  /** Replaces the message whose component was clicked, as the initial response. */
  async update(rendered: RenderedView): Promise<void> {
    if (!hasUploads(rendered)) {
      await this.answer({ type: InteractionResponseType.UpdateMessage, data: rendered.body });
      return;
    }
    await this.answer({ type: InteractionResponseType.DeferredMessageUpdate });
    const message = await attachUploads(rendered);
    await this.api.editOriginal(this.interaction.token, message.body, message.files);
  }

  /** Ends an unanswered interaction without any response (a replay). */
  async drop(): Promise<void> {
    if (this.current !== 'unanswered') return;
    this.current = 'filled';
    await this.responder.drop();
  }

  /** Removes a "thinking…" that nothing filled: left there, it would read as a hang. */
  async withdraw(): Promise<void> {
    if (this.current !== 'deferred-public' && this.current !== 'deferred-private') return;
    this.current = 'filled';
    await this.api.deleteOriginal(this.interaction.token);
  }

  /**
   * Fills a waiting "thinking…" of the same visibility, else adds a follow-up. A public one
   * still waiting when something private is said is one whose message failed: it goes first,
   * so the channel never sees a "thinking…" that turned into someone's private error.
   */
  private async write(rendered: RenderedView, visibility: Visibility): Promise<MessageRef> {
    if (this.current === 'unanswered') await this.defer(visibility);
    else if (this.current === 'deferred-public' && visibility === 'private') await this.withdraw();
    const message = await attachUploads(rendered);
    const token = this.interaction.token;
    if (this.current === DEFERRED[visibility]) {
      const ref = await this.api.editOriginal(token, withoutFlags(message.body), message.files);
      // Filled only once written: a refused edit leaves "thinking…" for withdraw() to remove.
      this.current = 'filled';
      return ref;
    }
    return this.api.followUp(token, message.body, message.files);
  }

  private async defer(visibility: Visibility): Promise<void> {
    // As in answer(): if the call fails, nothing waits and the next message is a follow-up.
    this.current = 'filled';
    await this.responder.reply({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      ...(visibility === 'private' ? { data: { flags: MessageFlags.Ephemeral } } : {}),
    });
    this.current = DEFERRED[visibility];
  }
}
