import type { PlatformStatusListener } from '../adapters/platform-status.js';
import type { AppConfig } from '../config/load-config.js';
import type { DigestSender } from '../delivery/digest-sender.js';
import type { Logger } from '../kernel/logger.js';
import type { App } from './container.js';

/** One chat platform as the chat service runs it: connected, receiving, and delivering. */
export interface ChatPlatform {
  readonly name: 'telegram' | 'discord';
  /** Its half of daily delivery; works on every instance, whoever receives the updates. */
  readonly sender: DigestSender;
  /** Connects and starts receiving (or waits for its lease); never rejects on a refused token. */
  start(): Promise<void>;
  /** Stops receiving and finishes what is in progress, before the store closes. */
  stop(): Promise<void>;
}

/** What building a platform needs from the chat service. */
export interface PlatformDeps {
  config: AppConfig;
  app: App;
  logger: Logger;
  onStatus: PlatformStatusListener;
  /** The platform refused its token: the message says which variable to check. */
  onRefused(message: string): void;
}

/** How long a lease on receiving (Telegram polling, a Discord shard) holds without renewal. */
export const RECEIVE_LEASE = { ttlMs: 30_000, everyMs: 10_000 };
