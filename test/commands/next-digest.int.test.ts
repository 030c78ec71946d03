import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/container.js';
import type { Caller } from '../../src/chat/command-definition.js';
import { runCommandLine } from '../../src/chat/command-runner.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import { DeliveryService } from '../../src/delivery/delivery-service.js';
import type { DigestSender } from '../../src/delivery/digest-sender.js';
import { startTestApp } from '../helpers/test-app.js';
import { digestFixture, storyFixture } from '../helpers/digest-fixture.js';

const MINUTE = 60_000;
const CHAT: Caller = {
  platform: 'telegram',
  chatId: '701',
  userId: '41',
  isOperator: false,
  chatType: 'private',
};

/**
 * What /time and /settings say about the next digest is what the delivery then does, also when a
 * chat changes its time or zone on a day whose digest went out already, or before it did.
 */
describe('"next digest" after changing the time', () => {
  let app: App;
  let now = Date.parse('2026-11-30T09:00:00Z');
  const sent: string[] = [];
  let delivery: DeliveryService;

  beforeAll(async () => {
    ({ app } = await startTestApp('sources: []\n', { now: () => new Date(now) }));
    const sender: DigestSender = {
      platform: 'telegram',
      async send(_target, _digest, progress) {
        sent.push(new Date(now).toISOString());
        await progress.partSent(0, true);
        return { kind: 'sent' };
      },
      post: async () => ({ kind: 'sent' }),
    };
    delivery = new DeliveryService({
      store: app.store,
      subscriptions: app.services.subscriptions,
      digests: async () => digestFixture([storyFixture('Story', 'text', [], 'https://example.com/1')], null),
      senders: [sender],
      clock: () => new Date(now),
      logger: app.services.logger,
      translations: app.services.i18n,
    });
  });
  afterAll(async () => app.close());

  const say = async (line: string) =>
    renderPlainText((await runCommandLine(line, CHAT, app.services))!, app.services.i18n.translator('en'));
  /** Ticks every minute up to `until`, as the running bot does. */
  const runUntil = async (until: string) => {
    for (; now <= Date.parse(until); now += MINUTE) await delivery.tick();
  };

  it('names the day the digest really comes', async () => {
    await say('/subscribe');
    await runUntil('2026-12-01T09:00:00Z');
    expect(sent).toEqual(['2026-12-01T08:00:00.000Z']);

    // Today's digest went out at 08:00: a later time today would be a second one, which the
    // delivery does not send; the answer says tomorrow.
    expect(await say('/time 10:00')).toContain('next digest Wed 2 Dec, 10:00');
    // Moving west after today's digest: in Los Angeles it is still 1 December, which is settled too.
    expect(await say('/time 08:00 America/Los_Angeles')).toContain('next digest Wed 2 Dec, 08:00');
    await runUntil('2026-12-02T17:00:00Z');
    expect(sent).toEqual(['2026-12-01T08:00:00.000Z', '2026-12-02T16:00:00.000Z']);

    // Before 3 December's digest (08:00 in Los Angeles), moved to 06:00, which has passed: it goes
    // out at the next check, and the answer says so rather than "tomorrow".
    now = Date.parse('2026-12-03T15:00:00Z');
    expect(await say('/time 06:00')).toContain('next digest Thu 3 Dec, 07:00');
    await runUntil('2026-12-03T15:05:00Z');
    expect(sent.at(-1)).toBe('2026-12-03T15:00:00.000Z');
    expect(await say('/settings')).toContain('next digest Fri 4 Dec, 06:00');
  });

  it('reads "7:30 pm" and a city as the time and the zone', async () => {
    const answer = await say('/time 7:30 pm new york');
    expect(answer).toContain('every day at 19:30 America/New_York');
    expect(await say('/time 7 pm Mars')).toContain('"Mars" is not a time zone name');
  });
});
