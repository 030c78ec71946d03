import type { Reply } from './reply.js';
import type { Services } from './services.js';
import type { Translate } from '../i18n/translations.js';

/** One option of a command, typed so that handlers receive parsed values. */
export interface OptionSpec {
  /**
   * `attachment`: a file sent with the command. Discord registers an attachment option; text
   * platforms read a word (a path, at the terminal), and the file itself comes as
   * {@link Caller.attachment} (a Telegram document the command is the caption of).
   */
  type: 'string' | 'integer' | 'attachment';
  description: string;
  required?: boolean;
  /** Allowed values (for strings): validated here, offered as choices by platforms that can. */
  choices?: readonly string[];
  /** Takes the rest of the line (only the last option). */
  rest?: boolean;
  /**
   * Taken as it comes, switch-like words included (`-x`, `--x`), which other commands refuse: a
   * Telegram deep link's payload is whatever the link says.
   */
  verbatim?: boolean;
  /**
   * Where suggestions come from while the user types (Discord's autocomplete); see
   * src/chat/option-suggestions.ts. Text platforms ignore it.
   */
  autocomplete?: SuggestionSource;
}

/** The lists an option's value may be suggested from. */
export type SuggestionSource = 'speakers';

type OptionValue<S extends OptionSpec> = S['type'] extends 'integer' ? number : string;

/** The parsed option values a handler receives; optional options may be undefined. */
export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]['required'] extends true ? OptionValue<O[K]> : OptionValue<O[K]> | undefined;
};

/** Who is asking, as the platform adapter established it. */
export interface Caller {
  platform: 'terminal' | 'telegram' | 'discord';
  chatId: string;
  userId: string;
  /** May manage sources (the terminal user; configured operators on chat platforms). */
  isOperator: boolean;
  /** Forum topic or thread the command was sent in; replies and deliveries go there. */
  threadId?: string | null;
  /** Private chat, a group of any kind, or a channel; the terminal is 'private'. */
  chatType?: 'private' | 'group' | 'channel';
  /**
   * Whether the caller administers this chat (groups decide who may change the subscription). A
   * function is asked only when a command needs it, since it costs the platform a request.
   */
  isChatAdmin?: boolean | (() => Promise<boolean>);
  /**
   * The platform's language tag for this chat (Telegram: the sender's app language; Discord: the
   * server's, or the user's in a direct message). It sets the chat's language on first contact only.
   */
  locale?: string | null;
  /** A file the user sent with the command (a Telegram document, a Discord attachment). */
  attachment?: ChatAttachment;
}

/** A file a user sent, read only when a command asks for it. */
export interface ChatAttachment {
  name: string;
  /** Bytes, as the platform reported them; null when it did not. */
  size: number | null;
  /**
   * The file's text (UTF-8). Rejects when it is larger than `maxBytes` or cannot be downloaded; the
   * message says which in plain words.
   */
  read(maxBytes: number): Promise<string>;
}

export interface CommandContext<O extends Record<string, OptionSpec>> {
  options: OptionValues<O>;
  services: Services;
  caller: Caller;
  /** Which page of a long answer is asked for, from 0; /more asks for the next one. */
  page: number;
  /** Formats a message of the catalogues (locales/) in the chat's language. */
  t: Translate;
  /** The chat's language code, for Intl formatting and for commands that change it. */
  language: string;
}

/**
 * A command, defined once in `commands/` and rendered by every adapter: the terminal parses text
 * lines, Telegram registers it with setMyCommands, Discord turns the options into a slash command.
 */
export interface CommandDefinition<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  name: string;
  description: string;
  /** Ordered options; positional in text form, named on Discord. */
  options: O;
  /**
   * Who may run it: everyone (the default); the chat's administrators (it changes the chat's
   * subscription; anyone in a private chat); or the bot's operators (it changes what the whole bot
   * reads). The command runner enforces it, and each platform shows the command accordingly.
   */
  access?: CommandAccess;
  /**
   * With `access: 'chat-admin'`: called with no options the command only shows the chat's settings,
   * which anyone in the chat may see.
   */
  anyoneMayView?: boolean;
  /**
   * With `access: 'chat-admin'`: what only administrators may do, for the refusal: a message of the
   * catalogues ("change this chat's sources"); the chat's subscription when not given.
   */
  adminAction?: AdminAction;
  /**
   * It may take longer than a platform waits for a first answer (it reads many articles, builds a
   * digest or fetches a URL): Discord defers its reply at once.
   */
  slow?: boolean;
  run(context: CommandContext<O>): Promise<Reply>;
}

/** The catalogue messages naming what only a group's administrators may do. */
export type AdminAction = 'admin-action-subscription' | 'admin-action-sources';

/** Who may run a command; see {@link CommandDefinition.access}. */
export type CommandAccess = 'everyone' | 'chat-admin' | 'operator';

/** Identity function that lets TypeScript infer each handler's option types from its spec. */
export function defineCommand<O extends Record<string, OptionSpec>>(
  definition: CommandDefinition<O>,
): CommandDefinition<O> {
  return definition;
}

/** A command list as adapters see it: option types erased, names and specs kept. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandDefinition<any>;
