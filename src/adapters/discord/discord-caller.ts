import { PermissionFlagsBits, type Interaction } from 'discord.js';
import type { Caller } from '../../chat/command-definition.js';

/**
 * The neutral Caller for an interaction. A guild channel is a group whose "administrators", for
 * subscriptions, are the members with Manage Channels there: Discord sends each member's resolved
 * permissions in the channel with the interaction, so no extra request is needed. A thread is a
 * channel of its own on Discord (it has its own id to post to), so `threadId` stays null.
 */
export function discordCaller(interaction: Interaction, operators: ReadonlySet<string>): Caller {
  const inGuild = interaction.inGuild();
  return {
    platform: 'discord',
    chatId: interaction.channelId ?? interaction.user.id,
    userId: interaction.user.id,
    isOperator: operators.has(interaction.user.id),
    threadId: null,
    chatType: inGuild ? 'group' : 'private',
    // A server channel is read by everyone in it: the server's language, not the first user's.
    locale: inGuild ? (interaction.guildLocale ?? interaction.locale) : interaction.locale,
    isChatAdmin: inGuild
      ? (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false)
      : true,
  };
}
