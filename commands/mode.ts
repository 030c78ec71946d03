import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { chatSubscription } from '../src/delivery/chat-subscription.js';
import { notSubscribed, subscriptionReply } from '../src/delivery/subscription-reply.js';
import { instantBatching, type DeliveryMode } from '../src/delivery/subscription.js';

const LEADS = {
  daily: 'mode-set-daily',
  instant: 'mode-set-instant',
  both: 'mode-set-both',
} as const satisfies Record<DeliveryMode, string>;

/**
 * /mode [daily|instant|both] [minutes] [per-hour]: what this chat gets, and how instant posts are
 * batched: at most one batch every <minutes>, at most <per-hour> posts in any hour.
 */
export const modeCommand = defineCommand({
  name: 'mode',
  description: 'Daily digest, instant posts of new stories, or both; e.g. /mode instant 15 10',
  access: 'chat-admin',
  anyoneMayView: true,
  options: {
    mode: { type: 'string', description: 'what this chat gets', choices: ['daily', 'instant', 'both'] },
    minutes: { type: 'integer', description: 'instant posts: minutes at least between two batches' },
    per_hour: { type: 'integer', description: 'instant posts: at most this many in an hour' },
  },
  async run({ options, services, caller, t, language }) {
    const found = await chatSubscription(services.subscriptions, caller, t);
    if ('refusal' in found) return found.refusal;
    const { address, current } = found;
    const now = services.clock();
    const bounds = services.config.instant;
    if (!options.mode) return subscriptionReply(services, current, now, t('mode-lead'), t, language);
    const mode = options.mode as DeliveryMode;
    const { minutes, per_hour: perHour } = options;
    if (minutes !== undefined && (minutes < bounds.minEveryMinutes || minutes > 1440)) {
      return reply.text(
        t('mode-bad-minutes', { min: bounds.minEveryMinutes, minutes, mode, example: bounds.everyMinutes }),
      );
    }
    if (perHour !== undefined && (perHour < 1 || perHour > bounds.maxPerHour)) {
      return reply.text(
        t('mode-bad-per-hour', {
          max: bounds.maxPerHour,
          perHour,
          example: `/mode ${mode} ${minutes ?? bounds.everyMinutes} ${bounds.perHour}`,
        }),
      );
    }
    const updated = await services.subscriptions.modify(address, (existing) => {
      const wasInstant = existing.mode === 'instant' || existing.mode === 'both';
      const batching = instantBatching(existing, bounds);
      return {
        changes: {
          mode,
          instant: {
            everyMinutes: minutes ?? batching.everyMinutes,
            perHour: perHour ?? batching.perHour,
            // Stories already out when instant posts start are not posted: only news from now on.
            since: wasInstant && existing.instant ? existing.instant.since : now.toISOString(),
          },
        },
      };
    });
    return updated
      ? await subscriptionReply(services, updated.subscription, now, t(LEADS[mode]), t, language)
      : notSubscribed(t);
  },
});
