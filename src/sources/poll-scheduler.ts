import { createTask, type ScheduledTask } from 'node-cron';
import type { Logger } from '../kernel/logger.js';
import { describeError } from '../kernel/describe-error.js';
import { pollSlot } from './poll-leases.js';
import type { Poller } from './poller.js';
import type { SourceCatalog } from './source-catalog.js';

/**
 * Runs the poller on cron schedules: one node-cron task per distinct schedule (the default one and
 * any a source names). A task never overlaps itself, so a slow poll delays the next instead of piling up.
 */
export class PollScheduler {
  private tasks: ScheduledTask[] = [];

  constructor(
    private readonly deps: {
      poller: Poller;
      catalog: SourceCatalog;
      defaultSchedule: string;
      timeZone: string;
      logger: Logger;
    },
  ) {}

  async start(): Promise<void> {
    // Every minute: polls that another instance claimed but never finished (it died) are taken over.
    const takeover = createTask('* * * * *', () => this.takeOver(), {
      name: 'poll takeover',
      noOverlap: true,
      logger: quietCronLogger(this.deps.logger),
    });
    await takeover.start();
    this.tasks.push(takeover);
    const schedules = new Set([this.deps.defaultSchedule]);
    for (const source of await this.deps.catalog.list()) if (source.schedule) schedules.add(source.schedule);
    for (const schedule of schedules) {
      const task = createTask(schedule, (context) => this.tick(schedule, context), {
        name: `poll ${schedule}`,
        noOverlap: true,
        timezone: this.deps.timeZone,
        logger: quietCronLogger(this.deps.logger),
      });
      await task.start();
      this.tasks.push(task);
    }
  }

  /** Stops scheduling new polls; polls under way finish (see Poller.idle). */
  async stop(): Promise<void> {
    await Promise.all(this.tasks.map((task) => task.destroy()));
    this.tasks = [];
  }

  private async tick(schedule: string, context?: { date?: Date }): Promise<void> {
    try {
      // The slot is the scheduled minute, the same on every instance however late its tick fired.
      await this.deps.poller.pollAll({ schedule, slot: pollSlot(context?.date ?? new Date()) });
    } catch (error) {
      this.deps.logger.error(`scheduled poll failed: ${describeError(error)}`);
    }
  }

  private async takeOver(): Promise<void> {
    try {
      await this.deps.poller.takeOverAbandoned();
    } catch (error) {
      this.deps.logger.error(`taking over abandoned polls failed: ${describeError(error)}`);
    }
  }
}

/** node-cron's own warnings (missed executions after a suspend) go to our logger, one line each. */
function quietCronLogger(logger: Logger) {
  return {
    info: () => undefined,
    debug: () => undefined,
    warn: (message: string) => logger.warn(`scheduler: ${message}`),
    error: (message: string | Error) => logger.error(`scheduler: ${describeError(message)}`),
  };
}
