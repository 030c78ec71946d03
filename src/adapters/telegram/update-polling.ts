/**
 * Long polling with the grammY runner (@grammyjs/runner): updates are fetched in batches and handled
 * concurrently (the adapter's middleware keeps each chat's updates in order), instead of one at a
 * time as `bot.start()` does, so one busy chat never holds up the others.
 *
 * The runner is put together from its own parts (createRunner, createSource, createConcurrentSink)
 * around an update fetcher of ours, because its stock `run()` fetcher confirms a batch only with the
 * next request and its `stop()` neither waits for updates in flight nor confirms the last ones. Ours
 * knows which offset Telegram has confirmed, and stop() is clean: no new updates are fetched, the
 * updates Telegram already counts as delivered are finished, later ones not yet started are handed
 * back (their offset is not confirmed, so Telegram delivers them again on the next start), and the
 * ids of updates handled beyond the confirmed offset are remembered in the store so that their
 * second delivery is skipped rather than answered twice.
 */
import { createConcurrentSink, createRunner, createSource, type RunnerHandle } from '@grammyjs/runner';
import { BotError, GrammyError, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { describeError } from '../../kernel/describe-error.js';
import type { Logger } from '../../kernel/logger.js';
import type { Collection } from '../../store/store.js';
import { pause, reconnectDelayMs } from '../platform-status.js';
import type { UpdateLifecycle } from './update-lifecycle.js';

export interface UpdatePollingOptions {
  lifecycle: UpdateLifecycle;
  logger: Logger;
  /** Where the ids handled past the confirmed offset are kept from one run to the next. */
  memory: Collection<number[]>;
  /** Updates handled at once, all chats together. */
  concurrency: number;
  /** How long one long poll is held open, in seconds. */
  pollSeconds?: number;
  /** Called when polling ends on its own: a refused token (401) or another poller on the token (409). */
  onFailure(error: unknown): void;
}

/** Ids handled but redelivered are remembered this long: the next start is normally seconds away. */
const MEMORY_TTL_MS = 24 * 3_600_000;
/**
 * Waiting updates kept unconfirmed at most: a poll returns at most 100 updates, those held come
 * back in each one, and the rest of the room is for new ones.
 */
const MAX_HELD = 50;
/** How long the confirmation of the last offset may take at stop. */
const CONFIRM_TIMEOUT_MS = 5_000;

export class UpdatePolling {
  private runner: RunnerHandle | null = null;
  /** The offset the next getUpdates sends: every update below it is confirmed by that request. */
  private next = 0;
  /** The offset Telegram has received: updates below it will not be delivered again. */
  private confirmed = 0;
  /** Ids handled in the previous run that Telegram may deliver again. */
  private skip = new Set<number>();
  private readonly memoryKey: string;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly bot: Bot,
    private readonly options: UpdatePollingOptions,
  ) {
    this.memoryKey = `telegram-handled:${bot.botInfo.id}`;
  }

  /** Starts fetching and handling updates; resolves at once. */
  async start(): Promise<void> {
    this.skip = new Set((await this.options.memory.get(this.memoryKey).catch(() => undefined)) ?? []);
    const source = createSource({ supply: (_batch, signal) => this.fetch(signal as AbortSignal) });
    const sink = createConcurrentSink<Update>(
      { consume: (update) => this.bot.handleUpdate(update) },
      async (error) => {
        try {
          if (error instanceof BotError) await this.bot.errorHandler(error);
          else throw error;
        } catch (unhandled) {
          this.options.logger.error(`telegram: handling an update failed: ${describeError(unhandled)}`);
        }
      },
      { concurrency: this.options.concurrency },
    );
    this.runner = createRunner(source, sink);
    this.runner.start();
    this.done = (this.runner.task() ?? Promise.resolve()).catch((error: unknown) =>
      this.options.onFailure(error),
    );
  }

  /**
   * Stops fetching, finishes what must be finished within `drainMs`, hands back the rest and
   * confirms what was handled. Resolves when nothing of this bot's polling runs any more, so the
   * store may be closed after it.
   */
  async stop(drainMs: number): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    this.runner = null;
    const { lifecycle, logger } = this.options;
    // Updates below the confirmed offset are Telegram's "delivered": they must be finished here.
    const confirmed = this.confirmed;
    lifecycle.beginStop((id) => id < confirmed);
    // The runner's loop may be waiting for room in a full sink; it ends with the drain below.
    void runner.stop();
    const abandoned = await lifecycle.drain(drainMs);
    await Promise.race([this.done, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    const open = [...lifecycle.handedBack, ...abandoned].filter((id) => id >= confirmed);
    const boundary = open.length > 0 ? Math.min(...open) : this.next;
    const handledBeyond = [...lifecycle.handled, ...this.skip]
      .filter((id) => id >= boundary)
      .sort((a, b) => a - b);
    try {
      if (handledBeyond.length > 0) {
        await this.options.memory.set(this.memoryKey, handledBeyond, MEMORY_TTL_MS);
      }
    } catch (error) {
      logger.warn(
        `telegram: could not note the handled updates (${describeError(error)}); a few may be answered twice`,
      );
    }
    if (boundary > confirmed) await this.confirm(boundary);
    const handedBack = open.length - abandoned.filter((id) => id >= confirmed).length;
    if (handedBack > 0 || abandoned.length > 0) {
      logger.info(
        `telegram: stopped with ${handedBack} update(s) handed back to Telegram for the next start` +
          (abandoned.length > 0 ? ` and ${abandoned.length} still running abandoned` : ''),
      );
    }
  }

  /**
   * The next batch of new updates, retried while Telegram cannot be reached. While fetched updates
   * still wait in their chat's queue, their offset is not confirmed (up to MAX_HELD of them): the
   * request asks from the lowest held (without holding the poll open), skips the ones already
   * here, and if nothing new came, waits for a queue to move (or a second) before asking again. So
   * other chats' updates still arrive within a second, and a stop can hand the waiting ones back.
   * (The runner's batch size is not used: the sink's concurrency is high, and a flood is dropped
   * before it queues.)
   */
  private async fetch(signal: AbortSignal): Promise<Update[]> {
    const { lifecycle } = this.options;
    for (let attempt = 0; ;) {
      const waiting = lifecycle.holdFrom(MAX_HELD);
      const moved = lifecycle.moved;
      const offset = waiting ?? this.next;
      // Telegram forgets every update below the offset as soon as the request reaches it.
      this.markConfirmed(offset);
      try {
        const updates = await this.bot.api.getUpdates(
          {
            offset,
            limit: 100,
            timeout: waiting === null ? (this.options.pollSeconds ?? 30) : 0,
          },
          grammySignal(signal),
        );
        attempt = 0;
        const fresh = updates.filter((update) => update.update_id >= this.next);
        if (fresh.length > 0) this.next = fresh[fresh.length - 1]!.update_id + 1;
        // Handled before the last stop and delivered again: confirmed by a later request, not handled.
        const wanted = fresh.filter((update) => !this.skip.has(update.update_id));
        for (const update of wanted) lifecycle.expect(update.update_id);
        if (wanted.length > 0 || waiting === null) return wanted;
        if (lifecycle.moved === moved) await Promise.race([lifecycle.progress(), pause(1_000, signal)]);
      } catch (error) {
        if (signal.aborted) throw error;
        // A refused token or a second poller on the same token: retrying cannot help.
        if (error instanceof GrammyError && [401, 404, 409].includes(error.error_code)) throw error;
        // Network failures are logged once by the connection watch; Telegram's retry_after is obeyed.
        const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
        await pause(retryAfter ? retryAfter * 1000 : reconnectDelayMs(attempt++), signal);
      }
      if (signal.aborted) throw new Error('polling stopped');
    }
  }

  private markConfirmed(offset: number): void {
    if (offset <= this.confirmed) return;
    this.confirmed = offset;
    for (const id of this.options.lifecycle.handled)
      if (id < offset) this.options.lifecycle.handled.delete(id);
    for (const id of this.skip) if (id < offset) this.skip.delete(id);
  }

  /** Tells Telegram every update below `offset` is handled, as grammY's own stop() does. */
  private async confirm(offset: number): Promise<void> {
    try {
      await this.bot.api.getUpdates(
        { offset, limit: 1, timeout: 0 },
        grammySignal(AbortSignal.timeout(CONFIRM_TIMEOUT_MS)),
      );
      this.confirmed = offset;
    } catch (error) {
      this.options.logger.warn(
        `telegram: could not confirm the last updates (${describeError(error)}); the handled ones are skipped when delivered again`,
      );
    }
  }
}

/** grammY types its signals with the abort-controller shim; Node's own is what it uses at run time. */
function grammySignal(signal: AbortSignal): Parameters<Bot['init']>[0] {
  return signal as unknown as Parameters<Bot['init']>[0];
}
