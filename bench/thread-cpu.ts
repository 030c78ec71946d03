/**
 * CPU time of each thread of this process, from Linux's /proc/self/task: process.cpuUsage() sums
 * every thread, which hides whether the main thread or an analysis worker is the one that is full.
 * Elsewhere than Linux it reads nothing, and the benchmarks print the process total only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds (user + system) by thread id; empty where /proc is not there. */
export function threadCpuMs(): Map<number, number> {
  const times = new Map<number, number>();
  if (!existsSync('/proc/self/task')) return times;
  for (const tid of readdirSync('/proc/self/task')) {
    let schedstat: string;
    try {
      // Nanoseconds on the CPU first: finer than the 10 ms ticks of `stat`.
      schedstat = readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8');
    } catch {
      continue; // the thread ended between the listing and the read
    }
    times.set(Number(tid), Number(schedstat.split(' ')[0]) / 1e6);
  }
  return times;
}

/** Per-thread CPU over a span: the main thread, each thread started meanwhile, and the rest. */
export interface ThreadCpuSpan {
  mainMs: number;
  /** Threads that did not exist when the work began (the analysis workers), busiest first. */
  startedMs: number[];
  /** Threads that existed before (V8's GC helpers, libuv's pool), together. */
  otherMs: number;
}

/**
 * Starts measuring; `stop()` returns what each thread spent since. Threads missing from `earlier`
 * (a reading taken before the work began, when a warm-up came first) count as started.
 */
export function startThreadCpu(earlier?: ReadonlyMap<number, number>): { stop(): ThreadCpuSpan } {
  const before = threadCpuMs();
  const old = earlier ?? before;
  return {
    stop() {
      const after = threadCpuMs();
      const span: ThreadCpuSpan = { mainMs: 0, startedMs: [], otherMs: 0 };
      for (const [tid, ms] of after) {
        const spent = ms - (before.get(tid) ?? 0);
        if (tid === process.pid) span.mainMs = spent;
        else if (!old.has(tid)) span.startedMs.push(spent);
        else span.otherMs += spent;
      }
      span.startedMs.sort((a, b) => b - a);
      return span;
    },
  };
}
