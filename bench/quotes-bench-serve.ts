/**
 * The restarted Quotewire of the quotes benchmark, run as its own process on the store the
 * benchmark built: how long until it answers its first /quotes, how fast it answers a few hundred
 * varied queries through the command runner (after a short warm-up), and its peak resident
 * memory while doing so.
 * Prints one JSON line ({@link ServeReport}) for quotes-bench.ts.
 */
import { createApp } from '../src/app/container.js';
import { createMemoryLogger } from '../src/kernel/logger.js';
import type { Caller } from '../src/chat/command-definition.js';
import { runCommandLine } from '../src/chat/command-runner.js';
import { loadConfig } from '../src/config/load-config.js';
import { generatePeople, seeded, type Person } from './generated-news.js';
import { startMemorySampler } from './memory-sampler.js';

/** What quotes-bench.ts passes (as JSON, the only argument). */
export interface ServeRequest {
  configFile: string;
  /** The clock's time, ISO: the last day of the generated news. */
  now: string;
  people: number;
  queries: number;
}

export interface ServeReport {
  /** From this process's start to its first /quotes answer, module loading included. */
  sinceStartMs: number;
  /** From opening the store to the first /quotes answer. */
  readyMs: number;
  /** Milliseconds per query, by kind of query. */
  latencies: Record<string, number[]>;
  /**
   * CPU milliseconds (user + system, this process) per query, by kind: less inflated than the
   * wall time when other work shares the machine.
   */
  cpu: Record<string, number[]>;
  peakMb: number;
}

const WARM_UP = 40;
const CALLER: Caller = { platform: 'terminal', chatId: 'bench', userId: 'bench', isOperator: true };

const request = JSON.parse(process.argv[2] ?? '{}') as ServeRequest;
const memory = startMemorySampler();
const people = generatePeople(request.people);
const opening = performance.now();
const app = await createApp(loadConfig({ file: request.configFile, env: {} }), {
  logger: createMemoryLogger(),
  clock: () => new Date(request.now),
});
const first = await runCommandLine(`/quotes ${people[0]!.family}`, CALLER, app.services);
if (!first?.blocks.length) throw new Error('the first /quotes got no answer');
const readyMs = performance.now() - opening;
const sinceStartMs = performance.now();
// A few queries first, as a running bot has answered before: the figures are for warm code.
await measureQueries(people, WARM_UP, 77);
const { latencies, cpu } = await measureQueries(people, request.queries, 4242);
await app.close();
const report: ServeReport = { sinceStartMs, readyMs, latencies, cpu, peakMb: memory.stop() };
process.stdout.write(`${JSON.stringify(report)}\n`);

/**
 * Runs varied /quotes (and /more, /speakers) lines; each one's wall and CPU time in ms, by kind of
 * query.
 */
async function measureQueries(
  cast: readonly Person[],
  count: number,
  seed: number,
): Promise<{ latencies: Record<string, number[]>; cpu: Record<string, number[]> }> {
  const random = seeded(seed);
  const anyone = () => cast[Math.floor(random() * cast.length)]!;
  const famous = () => cast[Math.floor(random() * 50)]!;
  // People with a letter outside ASCII in their name, typed with it in mixed case ("élodie PÉREZ").
  const accented = cast.filter((person) => /[^\u0000-\u007f]/.test(person.given + person.family));
  const topics = ['port', 'tariff', 'strike', 'turbines', 'nurses'];
  const hostile = ['/quotes zzqqxx', '/quotes *_[]()~`>#+-=|{}.!', `/quotes ${'x'.repeat(10_000)}`];
  const lines: [kind: string, line: string][] = [];
  for (let i = 0; i < count; i++) {
    const person = random() < 0.5 ? famous() : anyone();
    const full = `${person.given} ${person.family}`;
    const kind = i % 20;
    if (kind < 6) lines.push(['surname', `/quotes ${person.family}`]);
    else if (kind < 10) lines.push(['full name', `/quotes "${full}"`]);
    else if (kind < 11)
      lines.push(['case', `/quotes ${person.given.toLowerCase()} ${person.family.toUpperCase()}`]);
    else if (kind < 12) {
      const named = accented[Math.floor(random() * accented.length)] ?? person;
      lines.push(
        i % 40 < 20
          ? ['accents folded', `/quotes \u0007\u001b[31m${fold(named.family)}`]
          : [
              'accents mixed case',
              `/quotes ${mixedCase(named.given, random)} ${mixedCase(named.family, random)}`,
            ],
      );
    } else if (kind < 14) lines.push(['typo', `/quotes ${typo(person.family, random)}`]);
    else if (kind < 16)
      lines.push(['surname + word', `/quotes ${person.family} ${topics[i % topics.length]}`]);
    else if (kind < 17) lines.push(['full name + words', `/quotes "${full}" water winter`]);
    else if (kind < 18) lines.push(['/more', '/more']);
    else if (kind < 19) lines.push(['alone', i % 40 < 20 ? '/quotes' : '/speakers']);
    else lines.push(['unknown', hostile[i % hostile.length]!]);
  }
  const latencies: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (const [kind, line] of lines) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const answer = await runCommandLine(line, CALLER, app.services);
    (latencies[kind] ??= []).push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    (cpu[kind] ??= []).push((used.user + used.system) / 1000);
    if (!answer || answer.blocks.length === 0) throw new Error(`no answer to ${line.slice(0, 40)}`);
  }
  return { latencies, cpu };
}

/** One or two letters changed: a swap of neighbours, or one replaced. */
function typo(word: string, random: () => number): string {
  const letters = [...word.toLowerCase()];
  const i = 1 + Math.floor(random() * (letters.length - 2));
  if (random() < 0.5) [letters[i], letters[i + 1]] = [letters[i + 1]!, letters[i]!];
  else letters[i] = letters[i] === 'e' ? 'a' : 'e';
  return letters.join('');
}

/** The word with each letter upper or lower case at random, accents kept ("jÜrGEn"). */
function mixedCase(word: string, random: () => number): string {
  return [...word].map((letter) => (random() < 0.5 ? letter.toUpperCase() : letter.toLowerCase())).join('');
}

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
