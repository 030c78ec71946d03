import type { Services } from './services.js';
import { describeError } from '../kernel/describe-error.js';
import { StoreUnavailableError } from '../store/store.js';
import type { Translate } from '../i18n/translations.js';
import type { AnyCommand, Caller } from './command-definition.js';
import { mayRun, refusal } from './command-access.js';
import { parseCommandLine, parseProblemText } from './command-parser.js';
import { reply, type Reply } from './reply.js';

type OptionValues = Record<string, string | number | undefined>;

/** The chat's language and a translator for it; see src/i18n/chat-languages.ts. */
export interface ChatSpeech {
  language: string;
  t: Translate;
}

/** The language a caller's chat is answered in (chosen on first contact), with its translator. */
export async function chatSpeech(caller: Caller, services: Services): Promise<ChatSpeech> {
  const language = await services.languages.of(caller);
  return { language, t: services.i18n.translator(language) };
}

/**
 * The reply that refuses a command before it runs (private: for the caller alone), or null when the
 * caller may run it. Adapters that must answer at once (Discord defers slow commands) ask this first.
 */
export async function checkCommand(
  command: AnyCommand,
  options: OptionValues,
  caller: Caller,
  speech: ChatSpeech,
): Promise<Reply | null> {
  if (!(await mayRun(command, options, caller))) return reply.privateText(refusal(command, caller, speech.t));
  return null;
}

/**
 * Runs one command for a caller: checks the access rule it declares, stores the next page of a long
 * answer, and turns any failure into a reply that says it failed. The reason goes to the log only:
 * it is written for the operator (a store being closed at shutdown, a disk error) and may name
 * internals no chat should see; no adapter ever shows a stack trace either. Replies come in the
 * chat's language unless the caller passes one already looked up.
 */
export async function runCommand(
  command: AnyCommand,
  options: OptionValues,
  caller: Caller,
  services: Services,
  page = 0,
  speech?: ChatSpeech,
): Promise<Reply> {
  const { language, t } = speech ?? (await chatSpeech(caller, services));
  const refused = await checkCommand(command, options, caller, { language, t });
  if (refused) return refused;
  try {
    // The parser (or the platform) has checked the values against the command's own option specs.
    const answer = await command.run({
      options: options as Parameters<AnyCommand['run']>[0]['options'],
      services,
      caller,
      page,
      t,
      language,
    });
    if (!answer.hasMore) {
      // The last page: a further /more says the list has ended rather than repeating it.
      if (page > 0) await services.pages.forget(caller);
      return answer;
    }
    const token = await services.pages.save(
      { command: command.name, options, page: page + 1, chatId: caller.chatId },
      caller,
    );
    return { ...answer, more: { token, label: t('button-more') } };
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      // The store logs the outage once, with its reason; a line per command would only repeat it.
      return reply.text(t('runner-store-unavailable', { command: command.name }));
    }
    services.logger.error(`/${command.name} failed: ${describeError(error)}`);
    return reply.text(t('runner-failed', { command: command.name }));
  }
}

/** Runs the stored next page for a token (a button) or, without one, the chat's latest (/more). */
export async function runNextPage(
  token: string | undefined,
  caller: Caller,
  services: Services,
): Promise<Reply> {
  const speech = await chatSpeech(caller, services);
  const continuation = await services.pages.find(token, caller);
  const command =
    continuation && services.commands.find((candidate) => candidate.name === continuation.command);
  if (!continuation || !command) return reply.text(speech.t('runner-nothing-more'));
  return runCommand(command, continuation.options, caller, services, continuation.page, speech);
}

/** Parses and runs a text line; null when the line is not a command (plain chat text). */
export async function runCommandLine(
  line: string,
  caller: Caller,
  services: Services,
): Promise<Reply | null> {
  const parsed = parseCommandLine(line, services.commands);
  if (parsed.kind === 'not-a-command') return null;
  const speech = await chatSpeech(caller, services);
  if (parsed.kind === 'error') return reply.text(parseProblemText(parsed.problem, speech.t));
  return runCommand(parsed.command, parsed.options, caller, services, 0, speech);
}
