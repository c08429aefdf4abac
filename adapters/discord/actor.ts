/** Who acts, and where, from an interaction payload. */
import { PermissionFlagsBits, type APIInteraction, type APIPingInteraction, type APIUser } from 'discord-api-types/v10';
import type { Actor } from '../../src/core/engine.js';
import { UserError } from '../../src/core/errors.js';
import { toLocale } from '../../src/core/i18n/index.js';

/** People who run events in a server may manage anyone's poll there. */
const ADMIN_BITS = PermissionFlagsBits.Administrator | PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageEvents;

/** Every interaction a person caused (all but Discord's PING). */
export type UserInteraction = Exclude<APIInteraction, APIPingInteraction>;

export function interactionUser(interaction: UserInteraction): APIUser | undefined {
  return interaction.member?.user ?? interaction.user;
}

/**
 * The actor of an interaction. A DM (no guild) has no channel a group shares: the actor is marked
 * `direct`, and the engine lets it press only personal buttons (the Undo of a private notice the
 * bot sent there), refusing the rest with NOT_IN_CHANNEL. Discord does not tell a person's zone,
 * so none is set here.
 */
export function actorOf(interaction: UserInteraction): Actor {
  const user = interactionUser(interaction);
  const channelId = interaction.channel?.id ?? interaction.channel_id;
  if (!user || !channelId) throw new UserError('NOT_IN_CHANNEL');
  const locale = toLocale(interaction.locale);
  if (!interaction.guild_id || !interaction.member) {
    return {
      channel: { platform: 'discord', workspaceId: '', channelId },
      user: { id: user.id, name: user.global_name ?? user.username },
      isAdmin: false,
      direct: true,
      requestKey: `discord:${interaction.id}`,
      ...(locale ? { locale } : {}),
    };
  }
  return {
    channel: { platform: 'discord', workspaceId: interaction.guild_id, channelId },
    user: { id: user.id, name: interaction.member.nick ?? user.global_name ?? user.username },
    isAdmin: hasAdminBits(interaction.member.permissions),
    // Discord never delivers one interaction twice: a second request with its id is a replay.
    requestKey: `discord:${interaction.id}`,
    ...(locale ? { locale } : {}),
  };
}

function hasAdminBits(permissions: string | undefined): boolean {
  if (!permissions || !/^\d+$/.test(permissions)) return false;
  return (BigInt(permissions) & ADMIN_BITS) !== 0n;
}
