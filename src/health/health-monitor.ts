/**
 * What each part of a running Quotewire reports about itself, kept in memory and written to the
 * store by the {@link Heartbeat}, so that `quotewire health` (a separate process, the container's
 * health check) can say which part is down and why.
 */

/** The parts a service may run; only those enabled are reported. */
export type HealthPart = 'store' | 'telegram' | 'discord' | 'scheduler' | 'polling';

export interface PartStatus {
  /** `starting` counts as healthy: a platform may take a while to connect. */
  state: 'starting' | 'up' | 'down';
  /** Why it is down (or what it is doing), in words a person can act on. */
  detail: string | null;
  since: string;
}

export type HealthSnapshot = Partial<Record<HealthPart, PartStatus>>;

export class HealthMonitor {
  private readonly parts = new Map<HealthPart, PartStatus>();

  constructor(private readonly clock: () => Date) {}

  /** Records a part's state; `since` changes only when the state does. */
  report(part: HealthPart, state: PartStatus['state'], detail: string | null = null): void {
    const previous = this.parts.get(part);
    const since = previous?.state === state ? previous.since : this.clock().toISOString();
    this.parts.set(part, { state, detail, since });
  }

  snapshot(): HealthSnapshot {
    return Object.fromEntries(this.parts);
  }
}

/** The parts that are down, as lines such as `telegram: down since …: the token was refused …`. */
export function problems(snapshot: HealthSnapshot): string[] {
  return Object.entries(snapshot)
    .filter(([, status]) => status.state === 'down')
    .map(
      ([part, status]) => `${part}: down since ${status.since}${status.detail ? `: ${status.detail}` : ''}`,
    );
}

/**
 * The polling part's state after a round of polls: down when every source polled failed (the
 * network or the fetcher is broken, not one feed), up otherwise.
 */
export function pollingHealth(
  outcomes: readonly { sourceId: string; result: string; error?: string }[],
  now: Date,
): { state: PartStatus['state']; detail: string } {
  const polled = outcomes.filter((outcome) => outcome.result !== 'waiting' && outcome.result !== 'elsewhere');
  const failed = polled.filter((outcome) => outcome.result === 'failed');
  if (polled.length > 0 && failed.length === polled.length) {
    return {
      state: 'down',
      detail: `every source failed in the last poll (${failed[0]!.sourceId}: ${failed[0]!.error ?? 'failed'}); see /sources`,
    };
  }
  const failing = failed.length ? `, ${failed.length} of ${polled.length} failing (see /sources)` : '';
  return { state: 'up', detail: `last poll ${now.toISOString()}${failing}` };
}
