import { hostname } from 'node:os';
import type { Store } from '../store/store.js';
import type { Clock } from '../kernel/clock.js';

interface Beat {
  at: string;
  pid: number;
}

const INTERVAL_MS = 30_000;
/** A beat older than this means the service is stuck or gone. */
const STALE_MS = 120_000;

/**
 * A running service records "still alive" in the store every 30 s, one key per host, so that a
 * container health check (`quotewire health`) can tell a live bot from a hung one without a port.
 */
export class Heartbeat {
  private timer: NodeJS.Timeout | null = null;
  private readonly beats;
  private readonly key = `heartbeat:${hostname()}`;

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.beats = store.collection<Beat>('meta');
  }

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat().catch(() => undefined), INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** null when healthy, otherwise what is wrong. */
  async check(): Promise<string | null> {
    const beat = await this.beats.get(this.key);
    if (!beat) return `no heartbeat from ${hostname()}: is "quotewire start" running here?`;
    const age = this.clock().getTime() - Date.parse(beat.at);
    return age > STALE_MS
      ? `last heartbeat ${Math.round(age / 1000)} s ago (pid ${beat.pid}): the service looks stuck`
      : null;
  }

  private async beat(): Promise<void> {
    await this.beats.set(this.key, { at: this.clock().toISOString(), pid: process.pid });
  }
}
