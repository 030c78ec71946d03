import type { Reply } from '../chat/reply.js';
import type { Digest } from '../digest/digest.js';
import type { DigestLabels } from './digest-labels.js';
import type { SubscriptionPlatform } from './subscription.js';

/** Where and how one digest goes out. */
export interface DeliveryTarget {
  chatId: string;
  threadId: string | null;
  /** The fixed words in the subscription's language. */
  labels: DigestLabels;
  /** Whether the chat wants story images (`/settings images on|off`). */
  images: boolean;
  /** Deliver without a notification sound (Telegram disable_notification, Discord @silent). */
  silent?: boolean;
}

/** What happened to one chat's digest, as the platform reported it. */
export type SendOutcome = SendResult & {
  /**
   * Set (to the platform's words) when the forum topic or thread the digest was for is gone and the
   * rest went to the chat itself: the subscription then moves there for good.
   */
  topicGone?: string;
};

/** How the sending ended. */
export type SendResult =
  /** Every message was confirmed by the platform. */
  | { kind: 'sent' }
  /** The chat will not take messages again (bot blocked or kicked, chat deleted): pause it. */
  | { kind: 'gone'; reason: string }
  /** The chat has a new id (a Telegram group became a supergroup): move the subscription there. */
  | { kind: 'moved'; chatId: string }
  /** Worth retrying later (network, server error, rate limit given up). */
  | { kind: 'failed'; reason: string }
  /** Stopped between two messages when told to (a shutdown, or the claim passed to another instance). */
  | { kind: 'stopped' };

/** How far a delivery got, so that a resumed one sends only what is missing. */
export interface SendProgress {
  /** Messages already confirmed in an earlier attempt; send from this index on. */
  fromPart: number;
  /**
   * Called after the platform confirms each message, before the next one is sent; `last` tells that
   * no message follows (the ledger then records `sent` at once instead of one more progress write).
   * False means stop here and report `stopped`: the rest is sent later, from the next message.
   */
  partSent(index: number, last: boolean): Promise<boolean>;
}

/**
 * A chat platform's half of daily delivery: render the neutral digest into its messages and send
 * them in order. Everything else (who is due, the ledger, retries, pausing, moving) is the
 * platform-neutral DeliveryService's job. A sender reports failures as outcomes; a thrown error is
 * treated as `failed`.
 */
export interface DigestSender {
  readonly platform: SubscriptionPlatform;
  send(target: DeliveryTarget, digest: Digest, progress: SendProgress): Promise<SendOutcome>;
  /**
   * Posts one instant post (a new story, a followed speaker's quote) as the platform renders a
   * neutral reply; the outcome is reported as for a digest.
   */
  post(target: DeliveryTarget, post: Reply): Promise<SendOutcome>;
}
