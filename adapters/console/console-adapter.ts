/**
 * The terminal adapter: the whole product with no accounts. Reads lines, acts as one user at a
 * time in one channel, prints bot messages with numbered buttons, writes images to files.
 */
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Actor, Engine } from '../../src/core/engine.js';
import type { Locale, Poll } from '../../src/core/domain/types.js';
import { formatInstant } from '../../src/core/views/format.js';
import { errorView } from '../../src/core/views/notices.js';
import { messagesOf, type AdapterCapabilities, type Reply, type View } from '../../src/core/views/reply.js';
import { isUserError } from '../../src/core/errors.js';
import type { Logger } from '../../src/logger.js';
import type { ChatAdapter } from '../shared/chat-adapter.js';
import { numbered, writeUnclaimed } from './out-files.js';
import { formatOutput, viewText, type RenderedOutput } from './render.js';
import { consoleStrings } from './strings.js';
import { MAX_DEADLINE_DAYS } from '../../src/core/grammar/build-spec.js';

/** The longest `sleep`: as far as a deadline can be. */
const MAX_SLEEP_SECONDS = MAX_DEADLINE_DAYS * 86_400;

export const CONSOLE_CAPABILITIES: AdapterCapabilities = { maxSlotButtons: 24, maxButtonsPerRow: 6 };

export interface ConsoleOptions {
  engine: Engine;
  input: Readable;
  output: Writable;
  outDir: string;
  locale: Locale;
  json: boolean;
  /** Moves the adapter's clock forward (the `sleep` command). */
  advanceClock: (ms: number) => Promise<void> | void;
  logger: Logger;
  /** A person types (a terminal): greet them and show a prompt before each line. */
  prompt?: boolean;
}

interface ButtonRef {
  id: string;
  /** Only the person a private message was for can press its buttons. */
  owner: string | null;
}

export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console';
  /** Resolves at the end of the input (or after stop()), once its last line was handled. */
  readonly done: Promise<void>;
  private user = 'me';
  private readonly buttons = new Map<number, ButtonRef>();
  private nextButton = 1;
  private imageCount = 0;
  private lines: Interface | undefined;
  private ended!: { resolve: () => void; reject: (err: unknown) => void };

  constructor(private readonly options: ConsoleOptions) {
    this.done = new Promise((resolve, reject) => {
      this.ended = { resolve, reject };
    });
  }

  /** Starts reading lines; `done` says when they ran out. */
  async start(): Promise<void> {
    if (this.options.prompt) this.options.output.write(`${consoleStrings(this.options.locale).welcome}\n`);
    this.run().then(this.ended.resolve, this.ended.reject);
  }

  /** Reads no further: the line being handled finishes, then `done` resolves. */
  async stop(): Promise<void> {
    this.lines?.close();
  }

  private actor(): Actor {
    return {
      channel: { platform: 'console', workspaceId: 'local', channelId: 'terminal' },
      user: { id: this.user, name: this.user },
      isAdmin: false,
      locale: this.options.locale,
    };
  }

  /** Runs every line in order; resolves at the end of input. */
  private async run(): Promise<void> {
    const rl = createInterface({ input: this.options.input, terminal: false });
    this.lines = rl;
    if (this.options.prompt) this.writePrompt();
    for await (const line of rl) {
      await this.handleLine(line);
      if (this.options.prompt) this.writePrompt();
    }
  }

  private writePrompt(): void {
    this.options.output.write(`${this.user}> `);
  }

  async handleLine(raw: string): Promise<void> {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    try {
      const as = /^as\s+(.+)$/i.exec(line);
      if (as) {
        this.user = as[1]!.trim().replace(/^@/, '').slice(0, 80);
        this.info(`→ ${this.user}`);
        return;
      }
      const click = /^click\s+(\d+)$/i.exec(line);
      if (click) {
        const ref = this.buttons.get(Number(click[1]));
        if (!ref) {
          this.info(consoleStrings(this.options.locale).noButton(click[1]!));
          return;
        }
        if (ref.owner && ref.owner !== this.user) {
          this.info(consoleStrings(this.options.locale).othersButton(click[1]!, ref.owner));
          return;
        }
        await this.deliver(await this.options.engine.click(this.actor(), ref.id, CONSOLE_CAPABILITIES));
        return;
      }
      const sleep = /^sleep\s+(\d+(?:\.\d+)?)$/i.exec(line);
      if (sleep) {
        // Past a deadline's farthest reach there is nothing to wait for, and far enough on the
        // clock leaves the dates a poll can show.
        const seconds = Number(sleep[1]);
        if (seconds > MAX_SLEEP_SECONDS) {
          this.info(consoleStrings(this.options.locale).sleepTooLong(MAX_SLEEP_SECONDS.toLocaleString('en-US')));
          return;
        }
        await this.options.advanceClock(seconds * 1000);
        return;
      }
      if (/^(quit|exit)$/i.test(line)) {
        this.options.input.destroy();
        return;
      }
      if (line.startsWith('/')) {
        if (!/^\/yakjeong\b/i.test(line)) {
          this.info(consoleStrings(this.options.locale).commandsStart);
          return;
        }
        await this.deliver(await this.options.engine.runText(this.actor(), line, CONSOLE_CAPABILITIES));
        return;
      }
      this.info(consoleStrings(this.options.locale).typeHelp);
    } catch (err) {
      // The one error boundary of this adapter.
      if (!isUserError(err)) this.options.logger.error({ err, line }, 'console command failed');
      await this.print(errorView(err, this.options.locale), { ephemeral: true, replaces: false });
    }
  }

  /** The console as a Notifier: scheduled posts print like any channel message. */
  readonly notifier = {
    post: async (_poll: Poll, view: View): Promise<void> => {
      for (const message of messagesOf(view)) await this.print(message, { ephemeral: false, replaces: false });
    },
    refreshPoll: async (): Promise<void> => {},
    notify: async (_poll: Poll, userId: string, view: View): Promise<void> => {
      await this.print(view, { ephemeral: true, replaces: false, to: userId });
    },
  };

  /** Shows posts that arrive outside a command (deadline announcements). */
  async deliver(replies: Reply[]): Promise<void> {
    for (const reply of replies) {
      switch (reply.type) {
        case 'post':
          await this.print(reply.view, {
            ephemeral: reply.audience.kind === 'user',
            replaces: false,
            ...(reply.audience.kind === 'user' ? { to: reply.audience.userId } : {}),
          });
          break;
        case 'replace':
          await this.print(reply.view, { ephemeral: true, replaces: true });
          break;
        case 'direct':
          // The terminal is everyone's direct messages: shown to the one person, who alone may press its buttons.
          await this.print(reply.view, { ephemeral: true, replaces: false, to: reply.userId });
          break;
        case 'open-create-form':
          await this.print(reply.usage, { ephemeral: true, replaces: false });
          break;
        case 'refresh-poll':
          // A terminal is a log: the poll message is not edited in place.
          break;
        case 'meeting-picked':
          // The announcement already carries the calendar link and the .ics file.
          break;
      }
    }
  }

  async print(view: View, how: { ephemeral: boolean; replaces: boolean; to?: string }): Promise<void> {
    const zone = await this.options.engine.queries.zoneOf(this.actor());
    const time = (ms: number) => `${formatInstant(ms, zone, this.options.locale)} (${zone})`;
    const owner = how.ephemeral ? (how.to ?? this.user) : null;
    const buttons = view.buttons.flat().map((b) => {
      const n = this.nextButton++;
      this.buttons.set(n, { id: b.id, owner });
      return { n, label: b.label, disabled: b.disabled ?? false };
    });
    let image: string | null = null;
    if (view.image) {
      // Every heatmap is a new picture of the poll: numbered, after the last number this run used.
      const { filename } = view.image;
      const written = await writeUnclaimed(this.options.outDir, (n) => numbered(filename, n), this.imageCount + 1, await view.image.render());
      this.imageCount = written.n;
      image = written.path;
    }
    const files: string[] = [];
    for (const file of view.files ?? []) {
      // A re-pick or another run keeps the earlier file: the plain name first, then numbered.
      const written = await writeUnclaimed(this.options.outDir, (n) => (n === 1 ? file.filename : numbered(file.filename, n)), 1, await file.render());
      files.push(written.path);
    }
    const out: RenderedOutput = {
      type: view.role,
      text: viewText(view, time),
      ephemeral: how.ephemeral,
      to: owner,
      buttons,
      image,
      files,
      replaces: how.replaces,
    };
    this.options.output.write(this.options.json ? `${JSON.stringify(out)}\n` : formatOutput(out, consoleStrings(this.options.locale)));
  }

  private info(text: string): void {
    if (this.options.json) this.options.output.write(`${JSON.stringify({ type: 'info', text, ephemeral: true, to: this.user, buttons: [], image: null, files: [], replaces: false })}\n`);
    else this.options.output.write(`${text}\n`);
  }
}
