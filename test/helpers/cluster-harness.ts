/**
 * Several `quotewire start` processes on one Redis store, as `docker compose up --scale bot=N` runs
 * them, against a fake Bot API: used by the cluster test (npm test) and the soak (npm run soak).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubscriptionStore } from '../../src/delivery/subscription-store.js';
import { openStore } from '../../src/store/open-store.js';
import { REPO_ROOT } from './run-cli.js';

export interface Instance {
  name: string;
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** A config for the cluster: the bundled sample as its source, quick delivery checks and leases. */
export function clusterConfig(options: { checkEverySeconds: number; deliveryLeaseSeconds: number }): string {
  const folder = mkdtempSync(join(tmpdir(), 'qw-cluster-'));
  const file = join(folder, 'quotewire.yaml');
  writeFileSync(
    file,
    [
      'sources:',
      `  - { id: sample, url: "${join(REPO_ROOT, 'samples', 'pompeo-huawei-2020-02-01.txt')}" }`,
      'digest:',
      `  checkEverySeconds: ${options.checkEverySeconds}`,
      `  deliveryLeaseSeconds: ${options.deliveryLeaseSeconds}`,
      '  deliveryConcurrency: 64',
      '',
    ].join('\n'),
  );
  return file;
}

/**
 * Subscribes chats 1..count, each due at the current UTC minute (so they are due at once): made an
 * hour ago, since a subscription made after today's time is first due tomorrow.
 */
export async function seedSubscriptions(storeUrl: string, count: number, now = new Date()): Promise<string> {
  const store = await openStore(storeUrl);
  const time = now.toISOString().slice(11, 16);
  const madeAt = new Date(now.getTime() - 3_600_000);
  const subscriptions = new SubscriptionStore(store, () => madeAt, {
    deliveryTime: time,
    timeZone: 'UTC',
    language: 'en',
  });
  for (let from = 1; from <= count; from += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - from + 1) }, (_, i) =>
        subscriptions.subscribe({ platform: 'telegram', chatId: String(from + i), threadId: null }),
      ),
    );
  }
  await store.close();
  return now.toISOString().slice(0, 10);
}

/** Starts one instance: the built CLI, as `npm start` runs it. */
export function startInstance(
  name: string,
  env: { configFile: string; storeUrl: string; apiRoot: string; token: string },
): Instance {
  const child = spawn(process.execPath, ['dist/src/cli/main.js', 'start'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      QUOTEWIRE_CONFIG: env.configFile,
      QUOTEWIRE_STORE: env.storeUrl,
      TELEGRAM_BOT_TOKEN: env.token,
      TELEGRAM_API_ROOT: env.apiRoot,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { name, child, stderr: () => stderr, exited };
}

/** The most messages in any window of `ms`, by the time the fake accepted them. */
export function busiestWindow(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= ms) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/**
 * The shortest time any `count` consecutive messages took, by the time the fake accepted them: with
 * `count` one over the per-second limit, how close the bot came to that limit (above 1000 ms is
 * within it; the difference is the margin left for jitter).
 */
export function tightestSpan(times: readonly number[], count: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let tightest = Infinity;
  for (let end = count - 1; end < sorted.length; end++) {
    tightest = Math.min(tightest, sorted[end]! - sorted[end - count + 1]!);
  }
  return tightest;
}

/** Per chat: how many messages it got, and how many of them repeated an earlier one word for word. */
export function deliveries(
  sent: readonly { payload: Record<string, unknown>; at: number }[],
): Map<string, { texts: string[]; duplicates: { text: string; at: number }[] }> {
  const byChat = new Map<string, { texts: string[]; duplicates: { text: string; at: number }[] }>();
  for (const { payload, at } of sent) {
    const chat = String(payload.chat_id);
    const text = String(payload.text);
    const entry = byChat.get(chat) ?? { texts: [], duplicates: [] };
    if (entry.texts.includes(text)) entry.duplicates.push({ text, at });
    else entry.texts.push(text);
    byChat.set(chat, entry);
  }
  return byChat;
}
