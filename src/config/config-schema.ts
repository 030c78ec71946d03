import { validate as validateCron } from 'node-cron';
import { z } from 'zod';

/**
 * The shape of `config/quotewire.yaml`, validated once at start. Every key has a default, so an empty
 * file is a valid configuration. Secrets are not here on purpose: they only come from the environment.
 */
const cronExpression = z
  .string()
  .refine(
    (expression) => validateCron(expression),
    'a cron expression with 5 or 6 fields, such as "*/15 * * * *"',
  );

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM, such as "08:00"');

const timeZone = z.string().refine(isTimeZone, 'an IANA time zone name, such as "Europe/London" or "UTC"');

export const sourceSchema = z
  .object({
    /** Short name used by /sources and /source remove; derived from the URL when omitted. */
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, at most 40 characters')
      .optional(),
    /** A feed or page URL, a file or folder path (relative to this config file), or a file:// URL. */
    url: z.string().min(1, 'a URL or a path'),
    schedule: cronExpression.optional(),
    /** Fetch the linked page when a feed item carries only a teaser. Overrides polling.completeTeasers. */
    completeTeasers: z.boolean().optional(),
  })
  .strict();

export const configSchema = z
  .object({
    sources: z.array(sourceSchema).default([]),
    polling: z
      .object({
        schedule: cronExpression.default('*/15 * * * *'),
        timeoutSeconds: z.number().positive().max(300).default(15),
        maxBytes: z.number().int().positive().default(10_000_000),
        maxRedirects: z.number().int().min(0).max(20).default(5),
        userAgent: z.string().min(1).default('Quotewire/0.1 (+https://github.com/quotewire/quotewire)'),
        completeTeasers: z.boolean().default(true),
        teaserMaxWords: z.number().int().min(0).default(60),
        maxTeaserFetchesPerPoll: z.number().int().min(0).default(10),
        maxItemsPerFeed: z.number().int().positive().default(200),
        allowLoopback: z.boolean().default(false),
        allowPrivateAddresses: z.boolean().default(false),
        backoffBaseSeconds: z.number().positive().default(60),
        backoffMaxSeconds: z
          .number()
          .positive()
          .default(6 * 3600),
      })
      .strict()
      .prefault({}),
    store: z
      .object({
        /** sqlite://<path relative to this config file> or redis://host:port */
        url: z
          .string()
          .regex(/^(sqlite|redis|rediss):\/\//, 'sqlite://<path> or redis://host:port')
          .default('sqlite://../data/quotewire.sqlite'),
      })
      .strict()
      .prefault({}),
    summarizer: z
      .object({
        engine: z.enum(['offline', 'openai']).default('offline'),
        sentences: z.number().int().min(1).max(10).default(3),
        /** The LLM engine: OpenAI or any OpenAI-compatible server (Ollama, llama.cpp, vLLM). */
        openai: z
          .object({
            /** Defaults to OPENAI_BASE_URL, then the openai package's own default. */
            baseURL: z.string().url('a URL such as http://localhost:11434/v1').nullable().default(null),
            model: z.string().min(1).default('gpt-4o-mini'),
            timeoutSeconds: z.number().positive().max(600).default(30),
            maxOutputTokens: z.number().int().positive().default(700),
            /** Prompt plus completion tokens per UTC day; past it, the offline engine takes over. */
            dailyTokenBudget: z.number().int().positive().default(200_000),
            maxRetries: z.number().int().min(0).max(5).default(1),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    digest: z
      .object({
        maxStories: z.number().int().min(1).max(50).default(10),
        quotesPerStory: z.number().int().min(0).max(10).default(2),
        windowHours: z
          .number()
          .positive()
          .max(24 * 14)
          .default(24),
        deliveryTime: hhmm.default('08:00'),
        timeZone: timeZone.default('UTC'),
        /** Language of the fixed words for new subscriptions; English or a key of `languages`. */
        language: z
          .string()
          .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'a language code such as "en" or "de"')
          .default('en'),
        /** The digest's fixed words in more languages; `{date}` and `{topics}` are filled in. */
        languages: z
          .record(
            z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'a language code such as "en" or "de"'),
            z
              .object({
                title: z.string().min(1).optional(),
                topics: z.string().optional(),
                quoteOfTheDay: z.string().min(1).optional(),
                noStories: z.string().min(1).optional(),
              })
              .strict(),
          )
          .default({}),
        /** Chats a delivery sends to at once (the platform's rate limits still apply). */
        deliveryConcurrency: z.number().int().min(1).max(1000).default(64),
      })
      .strict()
      .prefault({}),
    telegram: z
      .object({
        /** polling (long polling, works anywhere) or webhook (needs a public HTTPS URL). */
        mode: z.enum(['polling', 'webhook']).default('polling'),
        webhook: z
          .object({
            /** The public HTTPS URL Telegram posts updates to; its secret comes from TELEGRAM_WEBHOOK_SECRET. */
            url: z.string().url().nullable().default(null),
            host: z.string().default('0.0.0.0'),
            port: z.number().int().min(1).max(65535).default(8443),
            path: z.string().startsWith('/').default('/telegram'),
          })
          .strict()
          .prefault({}),
        /** Telegram user ids allowed to run operator commands (/source add, /source remove). */
        operators: z
          .array(z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String))
          .default([]),
        /** Messages per second overall, Telegram's documented limit. */
        globalPerSecond: z.number().positive().default(30),
        /** Messages per second to one chat. */
        perChatPerSecond: z.number().positive().default(1),
        /** Messages per minute to one group, supergroup or channel. */
        perGroupPerMinute: z.number().positive().default(20),
        /** A 429 answer is retried after its retry_after this many times, if it asks to wait at most maxRetryAfterSeconds. */
        maxRetries: z.number().int().min(0).max(20).default(5),
        maxRetryAfterSeconds: z.number().positive().default(60),
      })
      .strict()
      .prefault({}),
    discord: z
      .object({
        /** Discord user ids allowed to run operator commands. */
        operators: z.array(z.string().regex(/^\d+$/, 'a Discord user id (digits)')).default([]),
        /** Register slash commands in this guild only (instant, for testing) instead of globally. */
        guildId: z.string().regex(/^\d+$/).nullable().default(null),
      })
      .strict()
      .prefault({}),
    limits: z
      .object({
        maxArticleChars: z.number().int().positive().default(500_000),
        /** Worker threads for quote extraction and summaries during ingest; 0 analyses in the main thread. */
        analysisWorkers: z.number().int().min(0).max(16).default(1),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type QuotewireConfig = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
