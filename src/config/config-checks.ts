/**
 * Checks that need more than one setting at once, or the config file and the environment together.
 * Each problem is a line in the same list as a bad key, so every mistake shows at the first start.
 */
import { idFromLocation } from '../sources/source-catalog.js';
import type { QuotewireConfig, SourceConfig } from './config-schema.js';
import type { Environment } from './environment.js';

/**
 * @param config - the validated file, with source locations already resolved
 * @param environment - the checked environment variables
 * @returns one line per problem
 */
export function crossCheck(config: QuotewireConfig, environment: Environment): string[] {
  const problems: string[] = [];
  if (
    config.telegram.mode === 'webhook' &&
    environment.TELEGRAM_BOT_TOKEN &&
    !environment.TELEGRAM_WEBHOOK_SECRET
  ) {
    problems.push(
      'telegram.mode is "webhook" but TELEGRAM_WEBHOOK_SECRET is not set: set it (1 to 256 letters, digits, _ and -) or use mode: polling',
    );
  }
  // A local server (Ollama, llama.cpp, vLLM) needs no key, but OpenAI itself does.
  if (
    config.summarizer.engine === 'openai' &&
    !environment.OPENAI_API_KEY &&
    !config.summarizer.openai.baseURL &&
    !environment.OPENAI_BASE_URL
  ) {
    problems.push(
      'summarizer.engine is "openai" but OPENAI_API_KEY is not set: set it to use OpenAI, or set summarizer.openai.baseURL (or OPENAI_BASE_URL) to a local server such as Ollama (http://localhost:11434/v1), or choose summarizer.engine: offline',
    );
  }
  return problems;
}

/**
 * Two sources under one id: the second would never be read, and its status would be the first's.
 * The same location twice, under two ids, only reads it twice: also refused, as a slip.
 *
 * @param sources - the config's sources in order, locations resolved; null for one that is invalid
 *   (it is reported on its own), so that the others keep their index in the message
 */
export function duplicateSources(sources: readonly (SourceConfig | null)[]): string[] {
  const problems: string[] = [];
  const ids = sources.map((source) => (source ? (source.id ?? idFromLocation(source.url)) : null));
  const taken = new Set(ids);
  ids.forEach((id, index) => {
    const earlier = ids.indexOf(id);
    if (id === null || earlier === index) return;
    const both = `sources[${earlier}] and sources[${index}]`;
    // The same location twice is said below, whatever the ids.
    if (sources[earlier]?.url === sources[index]?.url) return;
    let free = `${id.slice(0, 37)}-2`;
    for (let n = 3; taken.has(free); n++) free = `${id.slice(0, 37)}-${n}`;
    taken.add(free);
    const derived =
      sources[earlier]?.id && sources[index]?.id ? '' : ' (made from the URL where no id is given)';
    problems.push(
      `${both} have the same id "${id}"${derived}: give one of them another id, such as id: ${free}`,
    );
  });
  const urls = sources.map((source) => source?.url ?? null);
  urls.forEach((url, index) => {
    const earlier = urls.indexOf(url);
    if (url === null || earlier === index) return;
    problems.push(`sources[${earlier}] and sources[${index}] read the same ${url}: remove one of them`);
  });
  return problems;
}
