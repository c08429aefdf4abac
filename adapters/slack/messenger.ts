/**
 * The Slack Web API calls the adapter makes, each taking a neutral View: post to a channel
 * (or a thread), post ephemerally, edit the poll message, and share a heatmap picture.
 */
import type { webApi } from '@slack/bolt';
import type { FileSpec, ImageSpec, View } from '../../src/core/views/reply.js';
import { renderMessage, type RenderOptions } from './blocks.js';
import { toPlain, truncate } from './text.js';

/** A channel message the bot posted: where `chat.update` can find it again. */
export interface MessageRef {
  channel: string;
  ts: string;
}

/** Stored with the poll as "C123:1700000000.000100". */
export function formatMessageRef(ref: MessageRef): string {
  return `${ref.channel}:${ref.ts}`;
}

export function parseMessageRef(raw: string | undefined): MessageRef | undefined {
  const m = raw ? /^([^:\s]+):(\d+\.\d+)$/.exec(raw) : null;
  return m ? { channel: m[1]!, ts: m[2]! } : undefined;
}

export interface ChannelPostOptions extends RenderOptions {
  /** Reply in this thread instead of the channel. */
  threadTs?: string;
  /** Also show a thread reply in the channel. */
  broadcast?: boolean;
}

export class SlackMessenger {
  constructor(private readonly client: webApi.WebClient) {}

  /** Posts a view in a channel; a view with a picture gets it uploaded right under the message. */
  async postToChannel(channel: string, view: View, options: ChannelPostOptions = {}): Promise<MessageRef> {
    const message = renderMessage(view, options);
    // Link previews of URLs pasted into a description are noise under a poll.
    const base = { channel, text: message.text, blocks: message.blocks, unfurl_links: false };
    const res = await this.client.chat.postMessage(
      options.threadTs ? { ...base, thread_ts: options.threadTs, reply_broadcast: options.broadcast ?? false } : base,
    );
    const ref: MessageRef = { channel: res.channel ?? channel, ts: res.ts ?? '' };
    await this.uploadAttachments(ref.channel, view, options.threadTs);
    return ref;
  }

  async postEphemeral(channel: string, user: string, view: View, options: RenderOptions = {}): Promise<void> {
    const message = renderMessage(view, options);
    await this.client.chat.postEphemeral({ channel, user, text: message.text, blocks: message.blocks });
  }

  async updateMessage(ref: MessageRef, view: View): Promise<void> {
    const message = renderMessage(view);
    await this.client.chat.update({ channel: ref.channel, ts: ref.ts, text: message.text, blocks: message.blocks });
  }

  /**
   * Shares a picture as a file in a conversation. Posted as a file share rather than an
   * image block: a block pointing at a fresh upload is often rejected until Slack has
   * processed the file.
   */
  async uploadImage(channel: string, image: ImageSpec, threadTs?: string): Promise<void> {
    const bytes = await image.render();
    const alt = truncate(toPlain(image.alt), 1000);
    const upload = {
      channel_id: channel,
      file: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      filename: image.filename,
      title: alt,
      alt_text: alt,
    };
    await this.client.filesUploadV2(threadTs ? { ...upload, thread_ts: threadTs } : upload);
  }

  /** The view's picture and files (a picked meeting's .ics), right under its message. */
  async uploadAttachments(channel: string, view: View, threadTs?: string): Promise<void> {
    if (view.image) await this.uploadImage(channel, view.image, threadTs);
    for (const file of view.files ?? []) await this.uploadFile(channel, file, threadTs);
  }

  async uploadFile(channel: string, file: FileSpec, threadTs?: string): Promise<void> {
    const bytes = await file.render();
    const upload = {
      channel_id: channel,
      file: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      filename: file.filename,
      title: file.filename,
    };
    await this.client.filesUploadV2(threadTs ? { ...upload, thread_ts: threadTs } : upload);
  }

  /** The bot's direct-message conversation with a person (needs im:write). */
  async directChannel(user: string): Promise<string> {
    const res = await this.client.conversations.open({ users: user });
    const id = res.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    return id;
  }

  /**
   * Shows a view's picture and files to one person only. Ephemeral messages cannot carry
   * files and a file uploaded without a channel stays private to the bot, so they go to the
   * person's DM with the bot.
   */
  async sendAttachmentsPrivately(user: string, view: View): Promise<void> {
    if (!view.image && !view.files?.length) return;
    await this.uploadAttachments(await this.directChannel(user), view);
  }
}
