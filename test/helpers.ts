import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { CommandTable } from '../src/core/commands/spec.js';
/** Real parts for tests: SQLite in memory with the real migrations, the real engine and renderer. */
import { Engine, type Actor } from '../src/core/engine.js';
import { UserError } from '../src/core/errors.js';
import { decodeAction } from '../src/core/actions.js';
import type { WebLinks } from '../src/core/ports.js';
import type { Locale } from '../src/core/domain/types.js';
import type { AdapterCapabilities, Reply, View } from '../src/core/views/reply.js';
import { plainText, renderRich, type Rich } from '../src/core/views/rich.js';
import { openDatabase, type OpenedDatabase } from '../src/infra/db/open-database.js';
import { SqlitePollStore } from '../src/infra/db/sqlite-poll-store.js';
import { CanvasHeatmapRenderer } from '../src/infra/heatmap/canvas-heatmap-renderer.js';
import { IcsCalendarFiles } from '../src/infra/calendar/ics-calendar-files.js';
import { ManualClock } from './support/manual-clock.js';

export const CAPS: AdapterCapabilities = { maxSlotButtons: 24, maxButtonsPerRow: 6 };

/** 2026-11-26 12:00 UTC, the "today" of these tests. */
export const T0 = Date.UTC(2026, 10, 26, 12, 0);

export interface TestKit {
  engine: Engine;
  store: SqlitePollStore;
  clock: ManualClock;
  database: OpenedDatabase;
  actor(name: string, overrides?: Partial<Actor>): Actor;
}

export function makeKit(options: { locale?: Locale; path?: string; now?: number; commands?: CommandTable; webLinks?: WebLinks } = {}): TestKit {
  const database = openDatabase(options.path ?? ':memory:');
  const store = new SqlitePollStore(database);
  const clock = new ManualClock(options.now ?? T0);
  let seed = 1;
  const engine = new Engine({
    store,
    clock,
    heatmap: new CanvasHeatmapRenderer(),
    calendar: new IcsCalendarFiles(),
    ...(options.commands ? { commands: options.commands } : {}),
    ...(options.webLinks ? { webLinks: options.webLinks } : {}),
    defaultTimezone: 'Asia/Seoul',
    defaultLocale: options.locale ?? 'en',
    random: () => {
      // Deterministic codes: a small LCG.
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    },
  });
  const actor = (name: string, overrides: Partial<Actor> = {}): Actor => ({
    channel: { platform: 'console', workspaceId: 'w1', channelId: 'c1' },
    user: { id: name, name },
    isAdmin: false,
    locale: options.locale ?? 'en',
    ...overrides,
  });
  return { engine, store, clock, database, actor };
}

export function posts(replies: Reply[]): View[] {
  return replies.flatMap((r) => (r.type === 'post' || r.type === 'replace' ? [r.view] : []));
}

/**
 * A delete as a person does it: the command asks first, and they press Delete on the question.
 * Returns the question's replies and the press's; a refusal throws as the command's would.
 */
export async function deleteAsked(kit: TestKit, actor: Actor, typed: string, caps: AdapterCapabilities = CAPS): Promise<Reply[]> {
  const asked = await kit.engine.runText(actor, typed, caps);
  const button = posts(asked)
    .flatMap((view) => view.buttons.flat())
    .find((b) => decodeAction(b.id)?.verb === 'deletenow');
  // A damaged poll goes at once: there is nothing of it to show in a question.
  return button ? [...asked, ...(await kit.engine.click(actor, button.id, caps))] : asked;
}

/**
 * Rich text in a notation for assertions: *bold*, _italic_, `code`, <@id> for a mention (never
 * a name that merely looks like one), <t:ms> for a local time (<t:ms–ms> for a stretch), a link's address bare or as
 * [label](url).
 */
export function markup(text: Rich): string {
  return renderRich(text, {
    text: (t) => t,
    bold: (inner) => `*${inner}*`,
    italic: (inner) => `_${inner}_`,
    code: (t) => `\`${t}\``,
    mention: (user) => `<@${user.id}>`,
    time: (ms, { until }) => (until === undefined ? `<t:${ms}>` : `<t:${ms}–${until}>`),
    link: (url, label) => (label ? `[${label}](${url})` : url),
  });
}

export function textOf(view: View): string {
  return view.blocks
    .map((b) => (b.type === 'fields' ? b.fields.map((f) => `${f.label}: ${markup(f.value)}`).join('\n') : b.type === 'header' ? b.text : 'text' in b ? markup(b.text) : ''))
    .join('\n');
}

export function allText(replies: Reply[]): string {
  return posts(replies).map(textOf).join('\n');
}

/** The replies as a reader without local times reads them (the console): times in their fallback words. */
export function plainAllText(replies: Reply[]): string {
  const plain = (text: Rich) => plainText(text, { mention: (user) => `<@${user.id}>` });
  return posts(replies)
    .flatMap((view) => view.blocks)
    .map((b) => (b.type === 'fields' ? b.fields.map((f) => `${f.label}: ${plain(f.value)}`).join('\n') : b.type === 'header' ? b.text : 'text' in b ? plain(b.text) : ''))
    .join('\n');
}

/** Creates a poll via the text grammar and returns its code. */
export async function createPoll(kit: TestKit, who: string, text: string): Promise<string> {
  const replies = await kit.engine.runText(kit.actor(who), `/yakjeong create ${text}`, CAPS);
  const view = posts(replies)[0];
  if (!view?.pollCode) throw new Error(`no poll created: ${JSON.stringify(replies)}`);
  return view.pollCode;
}

/** The UserError a promise rejects with; anything else (including success) fails the test. */
export async function userErrorOf(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}

/** The code of the UserError a promise rejects with, or 'none' when it succeeds. */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (err) {
    if (err instanceof UserError) return err.code;
    throw err;
  }
}

/**
 * Kits on real SQLite files in a temporary directory of this test file, each closed after its
 * test and the directory removed after the file: for tests that write rows straight into the table.
 */
export function kitsOnFiles(prefix: string): (locale?: Locale) => TestKit {
  const dir = mkdtempSync(join(tmpdir(), `yakjeong-${prefix}-`));
  const kits: TestKit[] = [];
  let files = 0;
  afterEach(() => {
    for (const kit of kits.splice(0)) kit.database.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (locale = 'en') => {
    const kit = makeKit({ path: join(dir, `${++files}.db`), locale });
    kits.push(kit);
    return kit;
  };
}
