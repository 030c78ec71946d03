/**
 * Peak resident memory of this process while a benchmark runs: sampled every 20 ms, and checked
 * against the kernel's own high-water mark (maxRSS) at the end, whichever is higher. Only the
 * resident size is read: the full process.memoryUsage() walks the heap spaces every time.
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
