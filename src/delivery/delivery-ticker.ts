import { createTask, type ScheduledTask } from 'node-cron';
import type { Logger } from '../kernel/logger.js';
import { describeError } from '../kernel/describe-error.js';
import type { DeliveryService } from './delivery-service.js';

/**
 * Drives {@link DeliveryService.tick} every minute with node-cron in production (tests call `tick()`
 * themselves with a fake clock). One tick runs at start, so digests missed while the bot was down
 * go out at once rather than at the next minute. Ticks never overlap.
 */
export class DeliveryTicker {
  private task: ScheduledTask | null = null;

  constructor(
    private readonly service: DeliveryService,
    private readonly logger: Logger,
    /** Seconds between ticks (1-60); a minute in production. */
    private readonly everySeconds = 60,
    /** Other deliveries ticked with it, such as instant posts (instant-service.ts). */
    private readonly others: readonly Tickable[] = [],
  ) {}

  async start(): Promise<void> {
    const schedule = this.everySeconds >= 60 ? '* * * * *' : `*/${this.everySeconds} * * * * *`;
    this.task = createTask(schedule, () => this.tick(), {
      name: 'delivery',
      noOverlap: true,
      logger: {
        info: () => undefined,
        debug: () => undefined,
        // A long fan-out outlasts several ticks; node-cron's "blocked by overlap prevention" is expected.
        warn: (message: string) => {
          if (!/overlap/i.test(message)) this.logger.warn(`delivery scheduler: ${message}`);
        },
        error: (message: string | Error) =>
          this.logger.error(`delivery scheduler: ${describeError(message)}`),
      },
    });
    await this.task.start();
    void this.tick();
  }

  /** Stops ticking and lets the chats under way finish (the ledger keeps the rest due). */
  async stop(): Promise<void> {
    await this.task?.destroy();
    this.task = null;
    await Promise.all([this.service, ...this.others].map((service) => service.stop()));
  }

  private async tick(): Promise<void> {
    // Side by side: a long digest fan-out does not hold up instant posts, nor the reverse.
    await Promise.all(
      [this.service, ...this.others].map(async (service) => {
        try {
          await service.tick();
        } catch (error) {
          this.logger.error(`delivery tick failed: ${describeError(error)}`);
        }
      }),
    );
  }
}

/** A delivery the ticker drives. */
export interface Tickable {
  tick(): Promise<unknown>;
  stop(): Promise<void>;
}
