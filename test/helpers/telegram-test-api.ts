import { Bot, type Api } from 'grammy';
import { SendThrottle, type SendLimits } from '../../src/adapters/telegram/send-throttle.js';
import { throttleTransformer } from '../../src/adapters/telegram/throttle-transformer.js';
import { FAKE_BOT, type FakeTelegram } from './fake-telegram-server.js';

/** Limits high enough that the throttle never makes a test wait for real time. */
export const FAST_LIMITS: SendLimits = {
  globalPerSecond: 10_000,
  perChatPerSecond: 10_000,
  perGroupPerMinute: 100_000,
};

/** The real grammY Api against the fake, with our throttle and 429 handling installed. */
export function fakeTelegramApi(fake: FakeTelegram, limits: SendLimits = FAST_LIMITS): Api {
  const bot = new Bot('123:test', { client: { apiRoot: fake.apiRoot }, botInfo: FAKE_BOT });
  bot.api.config.use(
    throttleTransformer(new SendThrottle(limits), { maxRetries: 5, maxRetryAfterSeconds: 60 }),
  );
  return bot.api;
}
