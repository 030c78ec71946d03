import { defineCommand } from '../src/chat/command-definition.js';
import { echo } from '../src/chat/display-limits.js';
import { reply } from '../src/chat/reply.js';
import { chatPreferences } from '../src/delivery/chat-subscription.js';
import { findSpeaker, MAX_FOLLOWS } from '../src/delivery/follow-reply.js';
import { notSubscribed } from '../src/delivery/subscription-reply.js';
import { instantBatching } from '../src/delivery/subscription.js';

/** /follow <name>: this chat gets each new quote by that person, with its article, as it comes. */
export const followCommand = defineCommand({
  name: 'follow',
  description: 'Get each new quote by a person here as it comes, e.g. /follow pompeo',
  access: 'chat-admin',
  slow: true,
  options: {
    name: {
      type: 'string',
      description: 'surname or full name',
      required: true,
      rest: true,
      autocomplete: 'speakers',
    },
  },
  async run({ options, services, caller, t }) {
    const chat = await chatPreferences(services.subscriptions, caller, t);
    if ('refusal' in chat) return chat.refusal;
    const { address } = chat;
    const found = await findSpeaker(services.quotes, options.name, 'follow', t);
    if ('reply' in found) return found.reply;
    const { speaker } = found;
    const now = services.clock();
    const outcome = await services.subscriptions.modify<string>(address, (existing) => {
      const follows = existing.follows ?? [];
      if (follows.some((followed) => followed.key === speaker.key)) {
        return { refused: t('follow-already', { name: speaker.name }) };
      }
      if (follows.length >= MAX_FOLLOWS) {
        return { refused: t('follow-too-many', { max: MAX_FOLLOWS }) };
      }
      const followed = {
        key: speaker.key,
        name: speaker.name,
        variants: speaker.variants,
        since: now.toISOString(),
      };
      return { changes: { follows: [...follows, followed] } };
    });
    if (!outcome) return notSubscribed(t);
    if (outcome.refused) return reply.text(outcome.refused);
    // Nothing is posted to the terminal between commands: /following shows the quotes instead.
    if (caller.platform === 'terminal') return reply.text(t('follow-done-terminal', { name: speaker.name }));
    const { everyMinutes, perHour } = instantBatching(outcome.subscription, services.config.instant);
    const done = { name: speaker.name, minutes: everyMinutes, perHour };
    return reply.text(
      found.corrected !== null
        ? t('follow-done-corrected', { ...done, asked: echo(options.name) })
        : t('follow-done', done),
    );
  },
});
