/**
 * Registers /yakjeong with Discord by bulk overwrite: to DISCORD_GUILD_ID when set (instant,
 * for development) or globally (may take a while to reach every client).
 *
 *   npm run discord:register            register
 *   npm run discord:register -- --dry-run   print what would be sent
 *   npm run discord:register -- --write     rewrite assets/discord/commands.json from the code
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Routes } from 'discord-api-types/v10';
import { createRest } from '../adapters/discord/api.js';
import { commandDefinitions } from '../adapters/discord/commands.js';
import { ConfigError, loadConfig } from '../src/config.js';

export const COMMANDS_JSON = fileURLToPath(new URL('../assets/discord/commands.json', import.meta.url));

export function commandsJson(): string {
  return `${JSON.stringify(commandDefinitions(), null, 2)}\n`;
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--write')) {
    writeFileSync(COMMANDS_JSON, commandsJson());
    console.log(`wrote ${COMMANDS_JSON}`);
    return;
  }
  if (args.includes('--dry-run')) {
    process.stdout.write(commandsJson());
    return;
  }
  const discord = loadConfig().discord;
  if (!discord?.token || !discord.applicationId) {
    throw new ConfigError('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (and DISCORD_GUILD_ID for a test server) to register commands.');
  }
  const rest = createRest({ token: discord.token, ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}) });
  const route = discord.guildId
    ? Routes.applicationGuildCommands(discord.applicationId, discord.guildId)
    : Routes.applicationCommands(discord.applicationId);
  const registered = await rest.put(route, { body: commandDefinitions() });
  const count = Array.isArray(registered) ? registered.length : 0;
  console.log(
    discord.guildId
      ? `Registered ${count} command(s) in guild ${discord.guildId}.`
      : `Registered ${count} global command(s); Discord may take up to an hour to show them everywhere.`,
  );
}

// Run only as a script, so tests can import commandsJson().
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
