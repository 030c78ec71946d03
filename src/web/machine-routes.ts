/**
 * The endpoints for machines: /livez (the process answers), /readyz (the store answers and every
 * chat platform with a token is connected) and /metrics (Prometheus text format).
 */
import type { Hono } from 'hono';
import type { HealthPart } from '../health/health-monitor.js';
import { describeError } from '../kernel/describe-error.js';
import type { WebEnv, WebParts } from './web-context.js';

/** A store that takes longer than this to answer a ping is not ready. */
const PING_TIMEOUT_MS = 3_000;

export interface ReadyCheck {
  ok: boolean;
  state: string;
  detail: string | null;
}

export function machineRoutes(app: Hono<WebEnv>, parts: WebParts): void {
  app.get('/livez', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ live: true });
  });

  app.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    const checks: Record<string, ReadyCheck> = { store: await pingStore(parts) };
    const snapshot = parts.health.snapshot();
    const platforms: HealthPart[] = [];
    if (parts.config.secrets.telegramBotToken) platforms.push('telegram');
    if (parts.config.secrets.discordToken) platforms.push('discord');
    for (const platform of platforms) {
      const status = snapshot[platform];
      checks[platform] = {
        ok: status?.state === 'up',
        state: status?.state ?? 'not started',
        detail: status?.detail ?? null,
      };
    }
    const ready = Object.values(checks).every((check) => check.ok);
    return c.json({ ready, checks }, ready ? 200 : 503);
  });

  app.get('/metrics', async (c) => {
    const body = await parts.registry.metrics();
    c.header('Cache-Control', 'no-store');
    return c.body(body, 200, { 'Content-Type': parts.registry.contentType });
  });
}

async function pingStore(parts: WebParts): Promise<ReadyCheck> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      parts.store.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer in ${PING_TIMEOUT_MS / 1000} s`)),
          PING_TIMEOUT_MS,
        );
      }),
    ]);
    return { ok: true, state: 'up', detail: null };
  } catch (error) {
    return { ok: false, state: 'down', detail: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}
