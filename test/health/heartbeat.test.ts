import { afterEach, describe, expect, it } from 'vitest';
import { Heartbeat } from '../../src/health/heartbeat.js';
import { HealthMonitor } from '../../src/health/health-monitor.js';
import type { Store } from '../../src/store/store.js';
import { openTempStore } from '../helpers/temp-store.js';

describe('the heartbeat', () => {
  let store: Store;
  afterEach(async () => {
    await store.close();
  });

  const service = () => {
    const monitor = new HealthMonitor(() => new Date());
    monitor.report('scheduler', 'up');
    return new Heartbeat(store, () => new Date(), monitor);
  };

  it('is removed by a clean stop, so health does not call a stopped service stuck', async () => {
    ({ store } = await openTempStore());
    const beating = service();
    await beating.start();
    expect((await new Heartbeat(store, () => new Date()).check()).healthy).toBe(true);
    await beating.stop();
    const report = await new Heartbeat(store, () => new Date()).check();
    expect(report.healthy).toBe(false);
    expect(report.lines[0]).toMatch(/^no heartbeat from /);
  });

  it('stays when another service on the same host beat after this one (two instances on Redis)', async () => {
    ({ store } = await openTempStore());
    const first = service();
    const second = service();
    await first.start();
    await second.start();
    await first.stop();
    expect(await new Heartbeat(store, () => new Date()).check()).toEqual({
      healthy: true,
      lines: ['scheduler: up'],
    });
    await second.stop();
  });
});
