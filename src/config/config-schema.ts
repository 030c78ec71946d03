import { z } from 'zod';
import {
  cronSchedule,
  flag,
  httpUrl,
  languageCode,
  line,
  sourceLocation,
  numericId,
  oneOf,
  positiveNumber,
  storeUrl,
  textMatching,
  timeOfDay,
  timeZone,
  wholeNumber,
} from './config-fields.js';

/**
 * The shape of `config/quotewire.yaml`, validated once at start. Every key has a default, so an empty
 * file is a valid configuration. Secrets are not here on purpose: they only come from the environment.
 * Every value is built with config-fields.ts, which also says in words what it allows.
 */
export const sourceSchema = z
  .object({
    /** Short name used by /sources and /source remove; derived from the URL when omitted. */
    id: textMatching(
      /^[a-z0-9][a-z0-9-]{0,39}$/,
      'lowercase letters, digits and dashes, starting with a letter or digit, at most 40 characters',
    ).optional(),
    /** A feed or page URL, a file or folder path (relative to this config file), or a file:// URL. */
    url: sourceLocation(),
    schedule: cronSchedule().optional(),
    /** Fetch the linked page when a feed item carries only a teaser. Overrides polling.completeTeasers. */
    completeTeasers: flag().optional(),
  })
  .strict()
  .describe('a source: its URL or path, or { url, id?, schedule?, completeTeasers? }');

const languageWords = z
  .object({
    title: line('one line of text; {date} and {topics} are filled in').optional(),
    topics: z.string().describe('text; {topics} is filled in').optional(),
    quoteOfTheDay: line('one line of text').optional(),
    noStories: textMatching(/\S/, 'text that is not blank').optional(),
  })
  .strict()
  .describe('the digest’s words in one language: { title?, topics?, quoteOfTheDay?, noStories? }');

export const configSchema = z
  .object({
    sources: z
      .array(sourceSchema)
      .describe('a list of sources, each a URL or path, or { url, id?, schedule?, completeTeasers? }')
      .default([]),
    polling: z
      .object({
        schedule: cronSchedule().default('*/15 * * * *'),
        timeoutSeconds: positiveNumber('seconds', 300).default(15),
        maxBytes: wholeNumber(1, undefined, 'bytes').default(10_000_000),
        maxRedirects: wholeNumber(0, 20).default(5),
        userAgent: line('one line of text').default(
          'Quotewire/0.1 (+https://github.com/quotewire/quotewire)',
        ),
        completeTeasers: flag().default(true),
        teaserMaxWords: wholeNumber(0, undefined, 'words').default(60),
        maxTeaserFetchesPerPoll: wholeNumber(0).default(10),
        maxItemsPerFeed: wholeNumber(1).default(200),
        allowLoopback: flag().default(false),
        allowPrivateAddresses: flag().default(false),
        backoffBaseSeconds: positiveNumber('seconds').default(60),
        backoffMaxSeconds: positiveNumber('seconds').default(6 * 3600),
        /**
         * After this many failed fetches in a row, the chats reading a source (the operators, for a
         * source of every chat) get one message saying so; 0 sends none.
         */
        noticeAfterFailures: wholeNumber(0, 1000).default(5),
      })
      .strict()
      .prefault({}),
    chatSources: z
      .object({
        /** Sources a chat's administrators may add for their chat alone; 0 lets no chat add any. */
        maxPerChat: wholeNumber(0, 1000, 'sources').default(10),
      })
      .strict()
      .prefault({}),
    store: z
      .object({
        /** sqlite://<path relative to this config file> or redis://host:port */
        url: storeUrl().default('sqlite://../data/quotewire.sqlite'),
      })
      .strict()
      .prefault({}),
    summarizer: z
      .object({
        engine: oneOf(['offline', 'openai']).default('offline'),
        sentences: wholeNumber(1, 10).default(3),
        /** The LLM engine: OpenAI or any OpenAI-compatible server (Ollama, llama.cpp, vLLM). */
        openai: z
          .object({
            /** Defaults to OPENAI_BASE_URL, then the openai package's own default. */
            baseURL: httpUrl('http://localhost:11434/v1').nullable().default(null),
            model: line('a model name, such as gpt-4o-mini or llama3.1:8b').default('gpt-4o-mini'),
            timeoutSeconds: positiveNumber('seconds', 600).default(30),
            maxOutputTokens: wholeNumber(1, undefined, 'tokens').default(700),
            /** Prompt plus completion tokens per UTC day; past it, the offline engine takes over. */
            dailyTokenBudget: wholeNumber(1, undefined, 'tokens').default(200_000),
            maxRetries: wholeNumber(0, 5).default(1),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    digest: z
      .object({
        maxStories: wholeNumber(1, 50).default(10),
        quotesPerStory: wholeNumber(0, 10).default(2),
        windowHours: positiveNumber('hours', 24 * 14).default(24),
        deliveryTime: timeOfDay().default('08:00'),
        timeZone: timeZone().default('UTC'),
        /**
         * The default language: for chats whose platform language Quotewire does not speak, the
         * terminal and the command line (en, de, fr, es, or a key of `languages`).
         */
        language: languageCode().default('en'),
        /** The digest's fixed words in more languages; `{date}` and `{topics}` are filled in. */
        languages: z
          .record(languageCode(), languageWords)
          .describe('language codes, each with the digest’s words in that language')
          .default({}),
        /** Chats a delivery sends to at once (the platform's rate limits still apply). */
        deliveryConcurrency: wholeNumber(1, 1000).default(64),
        /** How often due digests are looked for; 60 (each minute) unless testing a cluster. */
        checkEverySeconds: wholeNumber(1, 60, 'seconds').default(60),
        /**
         * How long one chat's delivery stays claimed by an instance that stopped answering (each
         * message sent renews it); then another instance resumes it.
         */
        deliveryLeaseSeconds: wholeNumber(5, 3600, 'seconds').default(120),
      })
      .strict()
      .prefault({}),
    /** Instant posts (/mode instant) and followed speakers' quotes (/follow): batching and caps. */
    instant: z
      .object({
        /** Minutes between a chat's batches unless it chooses otherwise (/mode instant <minutes>). */
        everyMinutes: wholeNumber(1, 1440, 'minutes').default(15),
        /** The shortest batching interval a chat may choose. */
        minEveryMinutes: wholeNumber(1, 1440, 'minutes').default(5),
        /** Posts per hour to a chat unless it chooses fewer or more (/mode instant <minutes> <per-hour>). */
        perHour: wholeNumber(1, 600).default(10),
        /** The most posts per hour a chat may choose. */
        maxPerHour: wholeNumber(1, 600).default(30),
        /** A story or quote not posted within this many hours (quiet hours, the cap) is dropped. */
        holdHours: positiveNumber('hours', 48).default(12),
      })
      .strict()
      .prefault({}),
    telegram: z
      .object({
        /** polling (long polling, works anywhere) or webhook (needs a public HTTPS URL). */
        mode: oneOf(['polling', 'webhook']).default('polling'),
        webhook: z
          .object({
            /** The public HTTPS URL Telegram posts updates to; its secret comes from TELEGRAM_WEBHOOK_SECRET. */
            url: httpUrl('https://bot.example.com/telegram').nullable().default(null),
            host: line('a host name or address to listen on, such as 0.0.0.0').default('0.0.0.0'),
            port: wholeNumber(1, 65535).default(8443),
            path: textMatching(/^\/\S*$/, 'a path starting with "/", such as /telegram').default('/telegram'),
          })
          .strict()
          .prefault({}),
        /** Telegram user ids allowed to run operator commands (/source add, /source remove). */
        operators: z
          .array(
            z
              .union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)])
              .describe('a Telegram user id (digits)')
              .transform(String),
          )
          .describe('a list of Telegram user ids, such as [123456789]')
          .default([]),
        /** Messages per second overall, Telegram's documented limit. */
        globalPerSecond: positiveNumber('messages').default(30),
        /** Messages per second to one chat. */
        perChatPerSecond: positiveNumber('messages').default(1),
        /** Messages per minute to one group, supergroup or channel. */
        perGroupPerMinute: positiveNumber('messages').default(20),
        /** A 429 answer is retried after its retry_after this many times, if it asks to wait at most maxRetryAfterSeconds. */
        maxRetries: wholeNumber(0, 20).default(5),
        maxRetryAfterSeconds: positiveNumber('seconds').default(60),
      })
      .strict()
      .prefault({}),
    discord: z
      .object({
        /** Discord user ids allowed to run operator commands. */
        operators: z
          .array(numericId('Discord user'))
          .describe('a list of Discord user ids in quotes, such as ["123456789012345678"]')
          .default([]),
        /** Register slash commands in this guild only (instant, for testing) instead of globally. */
        guildId: numericId('Discord server').nullable().default(null),
        /**
         * Gateway shards: 1 up to 2,500 servers (Discord's rule), more beyond. With several instances on
         * one Redis store, each shard is held by one instance at a time.
         */
        shards: wholeNumber(1, 1024).default(1),
      })
      .strict()
      .prefault({}),
    web: z
      .object({
        /** Serve the web page (the archive, the operator console, /metrics); `start --web` turns it on too. */
        enabled: flag().default(false),
        /** Where to listen: 127.0.0.1 keeps it on this machine; 0.0.0.0 (in a container) opens it to the network. */
        host: line('a host name or address to listen on, such as 127.0.0.1 or 0.0.0.0').default('127.0.0.1'),
        /** 0 picks a free port (tests). */
        port: wholeNumber(0, 65535).default(8080),
        /** The address people reach it at (behind a proxy), for the login links the bot sends. */
        publicUrl: httpUrl('https://quotes.example.com').nullable().default(null),
        /** The archive for everyone: digests, stories, speakers, search (and their /api/). */
        publicPages: flag().default(true),
        /** The operator console behind a login (and its /api/console/). */
        console: flag().default(true),
        /** How long a console login lasts. */
        sessionHours: positiveNumber('hours', 24 * 30).default(12),
      })
      .strict()
      .prefault({}),
    limits: z
      .object({
        maxArticleChars: wholeNumber(1, undefined, 'characters').default(500_000),
        /** Worker threads for quote extraction and summaries during ingest; 0 analyses in the main thread. */
        analysisWorkers: wholeNumber(0, 16).default(1),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type QuotewireConfig = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
