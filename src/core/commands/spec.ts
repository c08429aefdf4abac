/**
 * What a command is: one entry with its words, descriptions, typed options, examples and
 * handler. The text grammar, the engine's dispatch, Discord's slash command definition and the
 * help all read the table, so a new command is one entry, its handler and its strings.
 */
import type { Locale } from '../domain/types.js';
import type { ExampleDates } from '../i18n/example-dates.js';
import type { Token } from '../grammar/tokens.js';
import type { AdapterCapabilities, Reply } from '../views/reply.js';
import type { Actor } from '../actor.js';
import type { TextCap } from '../grammar/bounds.js';
import type { Engine } from '../engine.js';

/** A text in both languages. */
export type Localized = Record<Locale, string>;

/** A typed option, for platforms with typed command options (Discord); the text grammar reads the same names. */
export type OptionSpec =
  | {
      type: 'string';
      description: Localized;
      required?: boolean;
      autocomplete?: boolean;
      maxLength?: number;
      choices?: ReadonlyArray<{ value: string; name: Localized }>;
    }
  | { type: 'integer'; description: Localized; required?: boolean; min: number; max: number }
  | { type: 'boolean'; description: Localized; required?: boolean };

/** Values of typed options as a platform delivers them. */
export type OptionValues = Readonly<Record<string, string | number | boolean>>;

/**
 * One line of help: a command line as typed (per language when its words differ; written from
 * the reader's example dates when it shows dates), and what it does (the command's description
 * when absent).
 */
export interface Example {
  text: string | Localized | ((dates: ExampleDates) => string | Localized);
  note?: Localized;
  /** More options for the command line above, not a command of its own. */
  continues?: boolean;
}

export interface CommandContext {
  engine: Engine;
  actor: Actor;
  caps: AdapterCapabilities;
}

/** How a command is written down: its parser and handler see its own argument type. */
export interface CommandSpec<Id extends string, Args extends object> {
  id: Id;
  /** Words that name it besides its id; matched case-insensitively. */
  aliases: Readonly<Record<Locale, readonly string[]>>;
  description: Localized;
  /** Typed options in the order a form shows them; required ones first (Discord refuses otherwise). */
  options: ReadonlyArray<readonly [string, OptionSpec]>;
  examples: readonly Example[];
  /** How long its words may be, checked before they are split (default: the cap on any command line). */
  textCap?: TextCap;
  /** The words after the command's name → its arguments (throws a UserError for bad input). */
  parse(args: Token[]): Args;
  /** Typed option values → the same arguments the text would give. */
  fromOptions(values: OptionValues): Args;
  run(context: CommandContext, args: Args): Promise<Reply[]>;
}

/** A command with its arguments, as parsed from text or typed options. */
export type Invocation<Id extends string = string, Args extends object = object> = { type: Id } & Args;

/** A table entry: a spec whose handler takes any invocation the table routes to it. */
export interface CommandEntry<Id extends string = string, Args extends object = object>
  extends Omit<CommandSpec<Id, Args>, 'parse' | 'fromOptions' | 'run'> {
  parse(args: Token[]): Invocation<Id, Args>;
  fromOptions(values: OptionValues): Invocation<Id, Args>;
  run(context: CommandContext, invocation: Invocation): Promise<Reply[]>;
}

/** The invocation type of an entry: `{ type: 'close'; code?: string }`. */
export type InvocationOf<E> = E extends CommandEntry<infer Id, infer Args> ? Invocation<Id, Args> : never;

export function defineCommand<Id extends string, Args extends object>(spec: CommandSpec<Id, Args>): CommandEntry<Id, Args> {
  const invocation = (args: Args): Invocation<Id, Args> => ({ type: spec.id, ...args });
  return {
    ...spec,
    parse: (args) => invocation(spec.parse(args)),
    fromOptions: (values) => invocation(spec.fromOptions(values)),
    // The table routes an invocation only to the entry whose id it carries, and that entry's
    // parser made it: it has this entry's arguments.
    run: (context, inv) => spec.run(context, inv as Invocation<Id, Args>),
  };
}

/** The commands one engine answers, by every word that names them. */
export class CommandTable {
  private readonly byWord = new Map<string, CommandEntry>();

  constructor(readonly commands: readonly CommandEntry[]) {
    for (const command of commands) {
      for (const word of [command.id, ...command.aliases.en, ...command.aliases.ko]) {
        const key = word.toLowerCase();
        const taken = this.byWord.get(key);
        if (taken && taken !== command) throw new Error(`command word "${word}" names both ${taken.id} and ${command.id}`);
        this.byWord.set(key, command);
      }
    }
  }

  /** The command a word names (id or alias, any case), if any. */
  byName(word: string): CommandEntry | undefined {
    return this.byWord.get(word.toLowerCase());
  }

  byId(id: string): CommandEntry | undefined {
    return this.commands.find((c) => c.id === id);
  }

  /** What "try one of" lists: the ids in table order, and each command's first Korean word. */
  unknownCommandParams(input: string): { input: string; commands: string; commandsKo: string } {
    return {
      input: input.slice(0, 40),
      commands: this.commands.map((c) => c.id).join(', '),
      commandsKo: this.commands.map((c) => c.aliases.ko[0] ?? c.id).join(', '),
    };
  }

  with(...more: CommandEntry[]): CommandTable {
    return new CommandTable([...this.commands, ...more]);
  }
}
