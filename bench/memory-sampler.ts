/**
 * Peak resident memory of this process while a benchmark runs, sampled every 20 ms. The resident size
 * is the whole process's: worker threads (their heaps included) live in it, so nothing is left out.
 * The kernel's high-water mark (maxRSS) is not used: it covers the whole process life, so it would
 * report the benchmark that ran before. Only the resident size is read: the full
 * process.memoryUsage() walks the heap spaces every time.
 */
export function startMemorySampler(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      const rss = Math.max(peak, process.memoryUsage.rss());
      return rss / 1024 / 1024;
    },
  };
}
