import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../kernel/clock.js';
import type { Store } from '../store/store.js';
import { problems, type HealthMonitor, type HealthSnapshot } from './health-monitor.js';

interface Beat {
  at: string;
  pid: number;
  /** Which process wrote it (pids repeat across containers); absent in beats of older versions. */
  owner?: string;
  parts: HealthSnapshot;
}

const INTERVAL_MS = 30_000;
/** A beat older than this means the service is stuck or gone. */
const STALE_MS = 120_000;

/** What `quotewire health` found. */
export interface HealthReport {
  healthy: boolean;
  /** One line per part (or one line when no service is running), for people. */
  lines: string[];
}

/**
 * A running service records "still alive", with the state of each of its parts, in the store every
 * 30 s, one key per host, so that a container health check (`quotewire health`) can tell a live bot
 * from a hung one, and a bot whose platform refused its token from a healthy one, without a port.
 */
export class Heartbeat {
  private timer: NodeJS.Timeout | null = null;
  private readonly beats;
  private readonly key = `heartbeat:${hostname()}`;
  private readonly owner = randomUUID();

  constructor(
    store: Store,
    private readonly clock: Clock,
    private readonly monitor?: HealthMonitor,
  ) {
    this.beats = store.collection<Beat>('meta');
  }

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat().catch(() => undefined), INTERVAL_MS);
    this.timer.unref();
  }

  /** Writes a beat now (after a part changed state, so health does not lag 30 s behind). */
  async beat(): Promise<void> {
    await this.beats.set(this.key, {
      at: this.clock().toISOString(),
      pid: process.pid,
      owner: this.owner,
      parts: this.monitor?.snapshot() ?? {},
    });
  }

  /**
   * Stops beating, and removes this host's beat if this process was the one beating: a service that
   * stopped cleanly is not a hung one (and a CLI command closing its own app leaves the service's beat).
   */
  async stop(): Promise<void> {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    // Another service on this host (a second instance on Redis) may have beaten since: its beat stays.
    const beat = await this.beats.get(this.key).catch(() => undefined);
    if (beat?.owner === this.owner) await this.beats.delete(this.key).catch(() => undefined);
  }

  async check(): Promise<HealthReport> {
    const beat = await this.beats.get(this.key);
    if (!beat) {
      return {
        healthy: false,
        lines: [`no heartbeat from ${hostname()}: is "quotewire start" running here?`],
      };
    }
    const age = this.clock().getTime() - Date.parse(beat.at);
    if (age > STALE_MS) {
      return {
        healthy: false,
        lines: [`last heartbeat ${Math.round(age / 1000)} s ago (pid ${beat.pid}): the service looks stuck`],
      };
    }
    const down = problems(beat.parts ?? {});
    const lines = Object.entries(beat.parts ?? {}).map(
      ([part, status]) => `${part}: ${status.state}${status.detail ? ` (${status.detail})` : ''}`,
    );
    return { healthy: down.length === 0, lines: lines.length ? lines : ['alive'] };
  }
}
