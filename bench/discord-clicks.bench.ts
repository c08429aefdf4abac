/**
 * discord-clicks: 200 people clicking slot buttons at once, as Ed25519-signed component
 * interactions to POST /discord/interactions of the real bot (`node --import tsx src/main.ts`,
 * with a bot token so it also keeps the poll message fresh on the fake Discord). A click is done
 * when its updated grid arrived: the type 7 response (or, for a deferred one, the edit). Against
 * the verify-and-ack server's acks under the same load, launched the same way.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import {
  ChannelType,
  ComponentType,
  GuildMemberFlags,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageType,
  type APIMessageComponentInteraction,
} from 'discord-api-types/v10';
import { encodeAction } from '../src/core/actions.js';
import { FakeDiscord } from '../test/discord/fake-discord.js';
import { DONE_TIMEOUT_MS, PEOPLE, post, runClickBench, seedClickPoll } from './click-load.js';
import type { Bench } from './figure.js';

const APP_ID = '1100000000000000042';
const BOT_TOKEN = 'bench-bot-token';
const GUILD = '1200000000000000042';
const CHANNEL = '1210000000000000042';
/** View Channel + Send Messages: a member, not an admin. */
const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n));

/** A member with no flags: the enum has no name for none. */
const NO_MEMBER_FLAGS = 0 as GuildMemberFlags;

const personId = (p: number) => String(1_000_000_000_000_100_000n + BigInt(p));
let serial = 0;

/** A button click on `messageId` (the person's grid), as Discord sends it. */
function buttonClick(userId: string, customId: string, messageId: string): APIMessageComponentInteraction {
  const id = String(1_400_000_000_000_000_000n + BigInt(++serial));
  const user = { id: userId, username: `p${userId.slice(-4)}`, global_name: null, discriminator: '0', avatar: null };
  return {
    id,
    application_id: APP_ID,
    type: InteractionType.MessageComponent,
    token: `token-${id}`,
    version: 1,
    app_permissions: '0',
    locale: Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
    guild_id: GUILD,
    guild_locale: Locale.EnglishUS,
    channel_id: CHANNEL,
    channel: { id: CHANNEL, type: ChannelType.GuildText, name: 'storm' },
    member: { user, nick: null, roles: [], joined_at: '2029-01-01T00:00:00.000Z', deaf: false, mute: false, flags: NO_MEMBER_FLAGS, permissions: MEMBER_PERMISSIONS },
    authorizing_integration_owners: { 0: GUILD },
    context: InteractionContextType.Guild,
    message: {
      id: messageId,
      channel_id: CHANNEL,
      author: { id: APP_ID, username: 'Yakjeong', global_name: null, discriminator: '0', avatar: null, bot: true },
      content: '',
      timestamp: '2029-12-31T00:00:00.000Z',
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: MessageType.Default,
      flags: 64,
    },
    data: { custom_id: customId, component_type: ComponentType.Button },
  };
}

/** The raw 32-byte public key as hex, the way the developer portal shows it. */
function publicKeyHex(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
}

export const discordClicksBench: Bench = {
  name: 'discord-clicks',
  figures: ['discord-clicks', 'discord-clicks-throughput', 'discord-clicks-lost'],
  async run(note) {
    const fake = await FakeDiscord.start({ botToken: BOT_TOKEN, applicationId: APP_ID });
    const keys = generateKeyPairSync('ed25519');
    const users = Array.from({ length: PEOPLE }, (_, p) => personId(p));
    // Each person clicks on their own grid message; the poll's channel message is edited as answers come.
    const grids = users.map(() => fake.seedMessage(CHANNEL).id);
    const pollMessage = fake.seedMessage(CHANNEL);
    const channel = { platform: 'discord' as const, workspaceId: GUILD, channelId: CHANNEL };
    const seeded = await seedClickPoll('discord-clicks', channel, { id: users[0]!, name: 'creator' }, `${CHANNEL}:${pollMessage.id}`);
    try {
      return await runClickBench(
        {
          name: 'discord-clicks',
          baseline: { label: 'verify-and-ack baseline', script: 'bench/baselines/discord-server.ts' },
          env: {
            DISCORD_TOKEN: BOT_TOKEN,
            DISCORD_APPLICATION_ID: APP_ID,
            DISCORD_PUBLIC_KEY: publicKeyHex(keys.publicKey),
            DISCORD_API_URL: fake.apiUrl,
            YAKJEONG_LOCALE: 'en',
            LOG_LEVEL: 'warn',
          },
          seeded,
          users,
          seed: 43,
          minThroughput: 0.4,
          async send(target, p, _n, click) {
            const interaction = buttonClick(users[p]!, encodeAction({ verb: 'set', code: seeded.poll.code, ...click }), grids[p]!);
            fake.expectHttp(interaction);
            const body = JSON.stringify(interaction);
            const timestamp = String(Math.floor(Date.now() / 1000));
            const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey).toString('hex');
            const headers = { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
            const start = performance.now();
            const res = await post(target.agent, target.port, '/discord/interactions', headers, body);
            const ackMs = performance.now() - start;
            if (!target.bot || res.status !== 200) return { status: res.status, ackMs, doneMs: null };
            const type = (JSON.parse(res.body) as { type?: number }).type;
            if (type === InteractionResponseType.UpdateMessage) return { status: res.status, ackMs, doneMs: ackMs };
            if (type !== InteractionResponseType.DeferredMessageUpdate) return { status: res.status, ackMs, doneMs: null };
            // Deferred: done when the edit of the grid reached the fake.
            const edited = await fake.waitFor(() => fake.calls.some((c) => c.method === 'PATCH' && c.path.includes(interaction.token)), DONE_TIMEOUT_MS).then(
              () => true,
              () => false,
            );
            return { status: res.status, ackMs, doneMs: edited ? performance.now() - start : null };
          },
        },
        note,
      );
    } finally {
      note(`discord-clicks: requests the fake refused as over Discord's limits: ${fake.invalid.length}`);
      await fake.close();
      seeded.scratch.dispose();
    }
  },
};
