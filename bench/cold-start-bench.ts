/**
 * Cold start benchmark (issue 11): from launching `quotewire start` (the built dist, as `npm start`
 * runs it) with a Telegram token to the answer to its first command arriving at a fake Bot API, set
 * against the floor: a bare Node process that only imports grammY and discord.js. The ratio is the
 * figure (target <= 1.3): Quotewire's own start (config, store, commands, the first answer) should
 * cost little beside loading the platform libraries, and the platform not in use is not loaded.
 * Each figure is the median of a few runs, run in turn so both see the same machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/kernel/package-root.js';
import { startFakeTelegram, textUpdate } from '../test/helpers/fake-telegram-server.js';

const RUNS = 5;
const TOKEN = '4242:cold-start-bench';
/** The project's folder, whether this runs compiled (.bench-build/bench/) or from its source. */
const ROOT = packageRoot();
const CLI = join(ROOT, 'dist/src/cli/main.js');

export async function runColdStartBench(): Promise<void> {
  await run(process.execPath, [join(ROOT, 'scripts/build-if-stale.mjs')], {});
  const floor: number[] = [];
  const quotewire: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(await importFloor());
    quotewire.push(await firstAnswer());
  }
  const floorMs = median(floor);
  const startMs = median(quotewire);
  console.log('cold start: launch to the first /quotes answer at a fake Telegram Bot API (built dist)');
  console.log(
    `  import floor:      ${floorMs.toFixed(0)} ms   (node importing grammy and discord.js, median of ${RUNS})`,
  );
  console.log(
    `  first answer:      ${startMs.toFixed(0)} ms   (median of ${RUNS}: ${quotewire.map((ms) => ms.toFixed(0)).join(', ')})`,
  );
  console.log(`  ratio:             ${(startMs / floorMs).toFixed(2)}x the floor   (target <= 1.3)`);
}

/** A Node process that imports both platform libraries and exits: the time it takes, in ms. */
async function importFloor(): Promise<number> {
  const started = performance.now();
  await run(
    process.execPath,
    ['--input-type=module', '-e', "await import('grammy'); await import('discord.js');"],
    {},
  );
  return performance.now() - started;
}

/** Starts Quotewire on an empty store with one command waiting; ms until its answer is sent. */
async function firstAnswer(): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'qw-cold-'));
  const configFile = join(folder, 'quotewire.yaml');
  writeFileSync(configFile, 'sources: []\nstore: { url: "sqlite://./store.sqlite" }\n');
  const telegram = await startFakeTelegram({ token: TOKEN });
  telegram.pushUpdate(textUpdate('/quotes pompeo', { id: 1, type: 'private' }, { id: 7 }));
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'start'], {
    cwd: folder,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: folder,
      QUOTEWIRE_CONFIG: configFile,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  try {
    for (;;) {
      if (telegram.sent().length > 0) return performance.now() - started;
      if (child.exitCode !== null)
        throw new Error(`quotewire start exited: ${errors.trim().split('\n').at(-1)}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await telegram.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
