/**
 * /yakjeong as a Discord slash command: its subcommands and typed options are the core command
 * table's entries, and a submitted command goes back through the same table, so a slash command
 * does exactly what the same text would.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { COMMANDS } from '../../src/core/commands/builtin.js';
import type { CommandTable, Invocation, OptionSpec } from '../../src/core/commands/spec.js';

export const COMMAND_NAME = 'yakjeong';

function basicOption(name: string, spec: OptionSpec): APIApplicationCommandBasicOption {
  const common = {
    name,
    description: spec.description.en,
    description_localizations: { ko: spec.description.ko },
    required: spec.required ?? false,
  };
  switch (spec.type) {
    case 'string':
    {
      const string = { ...common, type: ApplicationCommandOptionType.String, ...(spec.maxLength ? { max_length: spec.maxLength } : {}) } as const;
      // Discord refuses autocomplete together with choices; the types say so too.
      if (spec.autocomplete) return { ...string, autocomplete: true };
      if (!spec.choices) return string;
      return { ...string, choices: spec.choices.map((c) => ({ name: c.name.en, name_localizations: { ko: c.name.ko }, value: c.value })) };
    }
    case 'integer':
      return { ...common, type: ApplicationCommandOptionType.Integer, min_value: spec.min, max_value: spec.max };
    case 'boolean':
      return { ...common, type: ApplicationCommandOptionType.Boolean };
  }
}

/** The body for a bulk overwrite (PUT …/commands); assets/discord/commands.json is this, written out. */
/** Discord's rules for names (lowercase, at most 32) and descriptions (at most 100 characters). */
const DISCORD_NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;
const DISCORD_DESCRIPTION_MAX = 100;

/** A table entry Discord would refuse at registration is refused here, where its author sees it. */
function checkDiscordRules(table: CommandTable): void {
  for (const command of table.commands) {
    for (const [name, description] of [[command.id, command.description], ...command.options.map(([n, o]) => [n, o.description] as const)] as const) {
      if (!DISCORD_NAME.test(name)) throw new Error(`Discord refuses the name "${name}" (lowercase letters, digits, - and _, at most 32)`);
      for (const text of [description.en, description.ko]) {
        if (text.length === 0 || text.length > DISCORD_DESCRIPTION_MAX) throw new Error(`Discord refuses the description of "${name}" (1 to 100 characters): ${text}`);
      }
    }
  }
}

export function commandDefinitions(table: CommandTable = COMMANDS): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  checkDiscordRules(table);
  const subcommands: APIApplicationCommandSubcommandOption[] = table.commands.map((command) => ({
    type: ApplicationCommandOptionType.Subcommand,
    name: command.id,
    description: command.description.en,
    description_localizations: { ko: command.description.ko },
    options: command.options.map(([optionName, option]) => basicOption(optionName, option)),
  }));
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMAND_NAME,
      description: 'Find a time that works for everyone',
      description_localizations: { ko: '모두가 되는 시간 찾기' },
      // Guild channels only: polls belong to a channel, and a DM has no group to ask.
      contexts: [InteractionContextType.Guild],
      integration_types: [ApplicationIntegrationType.GuildInstall],
      options: subcommands,
    },
  ];
}

/** The chosen subcommand and its option values; the focused option (autocomplete) is marked. */
export interface SubcommandCall {
  name: string;
  values: Record<string, string | number | boolean>;
  focused?: string;
}

export function readSubcommand(options: APIApplicationCommandInteractionDataOption[] | undefined): SubcommandCall | undefined {
  const sub = options?.[0];
  if (!sub || sub.type !== ApplicationCommandOptionType.Subcommand) return undefined;
  // Option names come from the payload: no prototype, so `constructor` or `__proto__` is just an unknown name.
  const values: Record<string, string | number | boolean> = Object.create(null);
  let focused: string | undefined;
  for (const option of (sub.options ?? []) as APIApplicationCommandInteractionDataBasicOption[]) {
    if ('value' in option && (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean')) {
      values[option.name] = option.value;
    }
    if ('focused' in option && option.focused) focused = option.name;
  }
  return focused ? { name: sub.name, values, focused } : { name: sub.name, values };
}

/** A submitted /yakjeong subcommand → the table's invocation (undefined: not one of ours). */
export function toCommand(call: SubcommandCall, table: CommandTable = COMMANDS): Invocation | undefined {
  // By id only: Discord shows ids, and an alias never arrives as a subcommand name.
  return table.byId(call.name)?.fromOptions(call.values);
}
