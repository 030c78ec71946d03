import { defineCommand } from '../src/chat/command-definition.js';
import { echo } from '../src/chat/display-limits.js';
import { reply } from '../src/chat/reply.js';
import { chatPreferences } from '../src/delivery/chat-subscription.js';
import { foldTokens } from '../src/delivery/chat-filters.js';
import { findSpeaker } from '../src/delivery/follow-reply.js';

/** /unfollow <name|all>: no more quotes by that person (or anyone) here. */
export const unfollowCommand = defineCommand({
  name: 'unfollow',
  description: 'Stop the quotes of a person you follow here (or all)',
  access: 'chat-admin',
  options: {
    name: { type: 'string', description: 'a name from /following, or all', required: true, rest: true },
  },
  async run({ options, services, caller, t }) {
    const found = await chatPreferences(services.subscriptions, caller, t);
    if ('refusal' in found) return found.refusal;
    const { address, current } = found;
    const follows = current.follows ?? [];
    if (follows.length === 0) return reply.text(t('unfollow-nobody'));
    if (options.name.trim().toLowerCase() === 'all') {
      await services.subscriptions.update(address, { follows: [] });
      return reply.text(t('unfollow-done', { names: follows.map((followed) => followed.name).join(', ') }));
    }
    // A name as /following shows it needs no search; another spelling goes through the registry.
    const typed = foldTokens(options.name).join(' ');
    let key = follows.find((followed) => foldTokens(followed.name).join(' ') === typed)?.key;
    if (!key) {
      const found = await findSpeaker(services.quotes, options.name, 'unfollow', t);
      if ('reply' in found) return found.reply;
      key = found.speaker.key;
    }
    const target = follows.find((followed) => followed.key === key);
    if (!target) {
      return reply.text(
        t('unfollow-not-followed', {
          name: echo(options.name),
          names: follows.map((followed) => followed.name).join(', '),
        }),
      );
    }
    await services.subscriptions.modify(address, (existing) => ({
      changes: { follows: (existing.follows ?? []).filter((followed) => followed.key !== key) },
    }));
    return reply.text(t('unfollow-done', { names: target.name }));
  },
});
