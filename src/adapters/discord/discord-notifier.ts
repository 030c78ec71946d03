import { Routes, type REST } from 'discord.js';
import type { Notifier } from '../../sources/source-notices.js';
import { renderDiscordMessages } from './render-discord.js';
import { restMessageBody } from './discord-sender.js';

/**
 * Source notices on Discord, over REST (no gateway needed): to a channel, or to each operator in a
 * direct message (opened with POST /users/@me/channels; one the operator blocks is skipped).
 */
export function discordNotifier(rest: REST, operators: readonly string[]): Notifier {
  const post = async (channelId: string, message: Parameters<Notifier['toChat']>[1]) => {
    for (const part of renderDiscordMessages(message, { moreHint: null })) {
      await rest.post(Routes.channelMessages(channelId), { body: restMessageBody(part) });
    }
  };
  return {
    platform: 'discord',
    toChat: post,
    async toOperators(message) {
      let told = 0;
      for (const operator of operators) {
        try {
          const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: operator } })) as {
            id: string;
          };
          await post(channel.id, message);
          told++;
        } catch {
          // Not reachable in private (DMs closed, no shared server): the log line covers it.
        }
      }
      return told;
    },
  };
}
