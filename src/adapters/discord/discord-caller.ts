import { PermissionFlagsBits, type Interaction } from 'discord.js';
import type { Caller } from '../../chat/command-definition.js';

/**
 * The neutral Caller for an interaction. A guild channel is a group whose "administrators", for
 * subscriptions, are the members with Manage Channels there: Discord sends each member's resolved
 * permissions in the channel with the interaction, so no extra request is needed. Inside a thread,
 * `chatId` is its channel and `threadId` the thread, so the digest is posted in the thread and can
 * fall back to the channel if the thread is deleted (a thread the client has not seen yet counts
 * as a channel of its own, which still posts in the thread).
 */
export function discordCaller(interaction: Interaction, operators: ReadonlySet<string>): Caller {
  const inGuild = interaction.inGuild();
  const channel = interaction.channel;
  const thread = channel?.isThread() && channel.parentId ? channel : null;
  return {
    platform: 'discord',
    chatId: thread?.parentId ?? interaction.channelId ?? interaction.user.id,
    userId: interaction.user.id,
    isOperator: operators.has(interaction.user.id),
    threadId: thread?.id ?? null,
    chatType: inGuild ? 'group' : 'private',
    // A server channel is read by everyone in it: the server's language, not the first user's.
    locale: inGuild ? (interaction.guildLocale ?? interaction.locale) : interaction.locale,
    isChatAdmin: inGuild
      ? (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false)
      : true,
  };
}
