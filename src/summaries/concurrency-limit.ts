/**
 * A queue that runs at most `max` tasks at once, in the order they came; the LLM engine uses it
 * so that a digest's stories do not all hit a local model server at the same moment.
 *
 * @example
 * const limit = concurrencyLimit(2);
 * const results = await Promise.all(stories.map((story) => limit(() => summarize(story))));
 */
export function concurrencyLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next task, so a newcomer cannot slip in between.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
