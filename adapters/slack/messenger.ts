/**
 * The Slack Web API calls the adapter makes, each taking a neutral View: post to a channel
 * (or a thread), post ephemerally, edit the poll message, and share a heatmap picture
 * with the best times as its comment. A picture marked to follow its message
 * (ImageSpec.followsUp) is drawn and shared after the message, on its own.
 */
import type { webApi } from '@slack/bolt';
import type { ImageSpec, View } from '../../src/core/views/reply.js';
import type { Logger } from '../../src/logger.js';
import { renderMessage, type RenderOptions } from './blocks.js';
import { slackErrorCode } from './errors.js';
import type { FollowUps } from '../shared/follow-ups.js';
import { firstLine } from '../../src/core/views/rich.js';
import { escapeMrkdwn, toMrkdwn, truncate } from './text.js';

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
  /**
   * Told of what failed when a picture that follows the message could not be drawn or shared
   * (each failure already logged); its own failure is only logged.
   */
  pictureFailed?: (failures: unknown[]) => Promise<void>;
}

/** Where a picture that follows its message goes: the message's conversation (and thread), or a person's DM. */
export type PicturePlace = { channel: string; threadTs?: string } | { user: string };

/** The view's picture when it is to follow the message rather than hold it back (ImageSpec.followsUp). */
export function pictureToFollow(view: View): ImageSpec | undefined {
  return view.image?.followsUp ? view.image : undefined;
}

/** A picture or file drawn and ready to upload. */
export interface RenderedAttachment {
  filename: string;
  title: string;
  altText?: string;
  bytes: Buffer;
}

export interface PostResult {
  ref: MessageRef;
  /** Uploads that failed after the message itself was posted (already logged). */
  failedUploads: unknown[];
}

/** Slack's limit for a message text is 40,000; a file comment stays well under it. */
const INITIAL_COMMENT_MAX = 3000;
/** How many result lines the file comment repeats. */
const SUMMARY_LINES = 5;

/**
 * The comment posted with a view's picture: the view's heading and the first line of its
 * first text blocks (for results, the best times), as escaped mrkdwn with nobody mentioned
 * (the message above already pinged whoever it had to). Falls back to the view's one-line
 * summary; empty for views without a picture (an .ics file needs no comment).
 */
export function attachmentComment(view: View): string {
  if (!view.image) return '';
  const lines: string[] = [];
  let texts = 0;
  for (const block of view.blocks) {
    if (block.type === 'header') lines.push(`*${escapeMrkdwn(block.text)}*`);
    else if (block.type === 'text' && texts++ < SUMMARY_LINES) lines.push(toMrkdwn(firstLine(block.text), { mentions: false }));
  }
  const summary = lines.filter(Boolean).join('\n') || escapeMrkdwn(view.fallback);
  return truncate(summary, INITIAL_COMMENT_MAX);
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The Web API calls for one workspace, made with its bot token. */
export class SlackMessenger {
  constructor(
    private readonly client: () => Promise<webApi.WebClient>,
    private readonly logger: Logger,
    /** Where pictures that follow their message run (one for the adapter, so stop() can wait for them). */
    private readonly followUps: FollowUps,
  ) {}

  /**
   * Posts a view in a channel; a view with a picture or files gets them uploaded right under
   * the message. Everything is drawn before anything is posted, so a drawing failure posts
   * nothing (and a retry does not post twice). Once the message is posted the call succeeds:
   * a failed upload is logged and returned in `failedUploads`, never thrown.
   * A picture that follows (ImageSpec.followsUp) is not waited for: the message goes out at
   * once, and the picture is drawn and shared in the same conversation and thread after it;
   * its failure is logged and told to `options.pictureFailed`, never thrown.
   */
  async postToChannel(channel: string, view: View, options: ChannelPostOptions = {}): Promise<PostResult> {
    const message = renderMessage(view, options);
    const attachments = await this.renderAttachments(view);
    // Link previews of URLs pasted into a description are noise under a poll.
    const base = { channel, text: message.text, blocks: message.blocks, unfurl_links: false };
    const res = await (await this.client()).chat.postMessage(
      options.threadTs ? { ...base, thread_ts: options.threadTs, reply_broadcast: options.broadcast ?? false } : base,
    );
    const ref: MessageRef = { channel: res.channel ?? channel, ts: res.ts ?? '' };
    const picture = pictureToFollow(view);
    // The best times go with the first upload: the picture's, when it follows.
    const comment = attachmentComment(view);
    const failedUploads = await this.uploadRendered(ref.channel, attachments, picture ? '' : comment, options.threadTs);
    if (picture) {
      const place = { channel: ref.channel, ...(options.threadTs ? { threadTs: options.threadTs } : {}) };
      this.sharePictureLater(picture, comment, place, options.pictureFailed);
    }
    return { ref, failedUploads };
  }

  async postEphemeral(channel: string, user: string, view: View, options: RenderOptions = {}): Promise<void> {
    const message = renderMessage(view, options);
    await (await this.client()).chat.postEphemeral({ channel, user, text: message.text, blocks: message.blocks });
  }

  async updateMessage(ref: MessageRef, view: View): Promise<void> {
    const message = renderMessage(view);
    await (await this.client()).chat.update({ channel: ref.channel, ts: ref.ts, text: message.text, blocks: message.blocks });
  }

  /** A plain mrkdwn message in the person's DM with the bot (chat.postMessage to a user id; needs im:write). */
  async postDirectText(user: string, text: string): Promise<void> {
    await (await this.client()).chat.postMessage({ channel: user, text });
  }

  /**
   * The view's picture and files (a picked meeting's .ics), drawn and ready to upload with the
   * message; a picture that follows the message is not among them (see `sharePictureLater`).
   */
  async renderAttachments(view: View): Promise<RenderedAttachment[]> {
    const out: RenderedAttachment[] = [];
    if (view.image && !pictureToFollow(view)) out.push(await this.renderImage(view.image));
    for (const file of view.files ?? []) {
      out.push({ filename: file.filename, title: file.filename, bytes: toBuffer(await file.render()) });
    }
    return out;
  }

  private async renderImage(image: ImageSpec): Promise<RenderedAttachment> {
    const alt = truncate(image.alt, 1000, 'plain');
    return { filename: image.filename, title: alt, altText: alt, bytes: toBuffer(await image.render()) };
  }

  /**
   * Draws a picture that follows its message and shares it in `place`, with `comment`, on its
   * own: this returns at once. A failure to draw or share it is logged and handed to `failed`
   * (a private picture's DM failures are only logged); nothing is thrown.
   */
  sharePictureLater(image: ImageSpec, comment: string, place: PicturePlace, failed?: (failures: unknown[]) => Promise<void>): void {
    const context = { ...place, filename: image.filename };
    this.followUps.start(async () => {
      let failures: unknown[] = [];
      try {
        const drawn = [await this.renderImage(image)];
        if ('user' in place) await this.sendAttachmentsPrivately(place.user, drawn, comment);
        else failures = await this.uploadRendered(place.channel, drawn, comment, place.threadTs);
      } catch (err) {
        this.logger.warn({ ...context, err }, 'could not draw a picture that follows its message');
        failures = [err];
      }
      if (failures.length && failed) await failed(failures);
    }, context);
  }

  /**
   * Shares drawn attachments in a conversation, as file shares rather than image blocks: a
   * block pointing at a fresh upload is often rejected until Slack has processed the file.
   * The first one carries `comment` (the best times), in the thread when there is one. Each
   * failure is logged and returned; the others are still tried.
   */
  async uploadRendered(channel: string, attachments: RenderedAttachment[], comment: string, threadTs?: string): Promise<unknown[]> {
    const failures: unknown[] = [];
    for (const [i, attachment] of attachments.entries()) {
      const upload = {
        channel_id: channel,
        file: attachment.bytes,
        filename: attachment.filename,
        title: attachment.title,
        ...(attachment.altText ? { alt_text: attachment.altText } : {}),
        ...(i === 0 && comment ? { initial_comment: comment } : {}),
      };
      try {
        await (await this.client()).filesUploadV2(threadTs ? { ...upload, thread_ts: threadTs } : upload);
      } catch (err) {
        this.logger.warn({ err, channel, filename: attachment.filename, slackError: slackErrorCode(err) }, 'could not upload a file under a posted message');
        failures.push(err);
      }
    }
    return failures;
  }

  /** The bot's direct-message conversation with a person (needs im:write). */
  async directChannel(user: string): Promise<string> {
    const res = await (await this.client()).conversations.open({ users: user });
    const id = res.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    return id;
  }

  /**
   * Shows drawn attachments to one person only. Ephemeral messages cannot carry files and a
   * file uploaded without a channel stays private to the bot, so they go to the person's DM
   * with the bot. Failures are logged, never thrown: the message they belong to was already sent.
   */
  async sendAttachmentsPrivately(user: string, attachments: RenderedAttachment[], comment: string): Promise<void> {
    if (attachments.length === 0) return;
    try {
      await this.uploadRendered(await this.directChannel(user), attachments, comment);
    } catch (err) {
      this.logger.warn({ err, user }, 'could not open the DM for a private picture');
    }
  }
}
