/**
 * Names that arrive in a Discord payload (option names, modal input ids, the free "more" field of
 * the create form) are data: `constructor` or `__proto__` there reads as an unknown name, never
 * as a built-in property of a lookup table.
 */
import { describe, expect, it } from 'vitest';
import { readSubcommand, toCommand } from '../../adapters/discord/commands.js';
import { createOptionsFromForm } from '../../adapters/discord/modal.js';
import { ApplicationCommandOptionType, type APIApplicationCommandInteractionDataOption } from 'discord-api-types/v10';
import { alice, slash } from './fixtures.js';

describe('built-in property names in Discord payloads', () => {
  it('a bare word in the form is a kind only when it names one', () => {
    expect(createOptionsFromForm(new Map([['title', 'T'], ['more', 'constructor']]))).toEqual({ title: 'T', slot: 'constructor' });
    expect(createOptionsFromForm(new Map([['title', 'T'], ['more', 'toString date']]))).toEqual({ title: 'T', slot: 'toString', kind: 'date' });
    expect(createOptionsFromForm(new Map([['__proto__', 'x'], ['title', 'T']]))).toEqual({ title: 'T' });
  });

  it('option names from the payload are keys like any other', () => {
    const call = readSubcommand(slash(alice, 'create', Object.fromEntries([['__proto__', 'x'], ['title', 'Dinner']])).data.options)!;
    expect(Object.keys(call.values)).toEqual(['__proto__', 'title']);
    expect(toCommand(call)).toEqual({ type: 'create', options: { title: 'Dinner' } });
    // A focused option that carried no value reads as nothing typed, not as Object's constructor.
    const options = [{ type: ApplicationCommandOptionType.Subcommand, name: 'tz', options: [{ type: ApplicationCommandOptionType.String, name: 'constructor', focused: true }] }];
    const focused = readSubcommand(options as unknown as APIApplicationCommandInteractionDataOption[])!;
    expect(focused.focused).toBe('constructor');
    expect(focused.values[focused.focused!]).toBeUndefined();
  });
});
