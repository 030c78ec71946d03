import type { Services } from './services.js';
import { describeError } from '../kernel/describe-error.js';
import { StoreUnavailableError } from '../store/store.js';
import type { AnyCommand, Caller } from './command-definition.js';
import { mayRun, refusal } from './command-access.js';
import { parseCommandLine } from './command-parser.js';
import { reply, type Reply } from './reply.js';

type OptionValues = Record<string, string | number | undefined>;

/**
 * The reply that refuses a command before it runs (private: for the caller alone), or null when the
 * caller may run it. Adapters that must answer at once (Discord defers slow commands) ask this first.
 */
export async function checkCommand(
  command: AnyCommand,
  options: OptionValues,
  caller: Caller,
): Promise<Reply | null> {
  if (!(await mayRun(command, options, caller))) return reply.privateText(refusal(command, caller));
  return null;
}

/**
 * Runs one command for a caller: checks the access rule it declares, stores the next page of a long
 * answer, and turns any failure into a reply that says it failed. The reason goes to the log only:
 * it is written for the operator (a store being closed at shutdown, a disk error) and may name
 * internals no chat should see; no adapter ever shows a stack trace either.
 */
export async function runCommand(
  command: AnyCommand,
  options: OptionValues,
  caller: Caller,
  services: Services,
  page = 0,
): Promise<Reply> {
  const refused = await checkCommand(command, options, caller);
  if (refused) return refused;
  try {
    // The parser (or the platform) has checked the values against the command's own option specs.
    const answer = await command.run({
      options: options as Parameters<AnyCommand['run']>[0]['options'],
      services,
      caller,
      page,
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
    return { ...answer, more: { token } };
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      // The store logs the outage once, with its reason; a line per command would only repeat it.
      return reply.text(
        `Sorry, /${command.name} cannot be answered right now: the bot's storage is unavailable. Try again in a minute.`,
      );
    }
    services.logger.error(`/${command.name} failed: ${describeError(error)}`);
    return reply.text(
      `Sorry, /${command.name} failed this time (the reason is in the bot's log). Try again in a minute.`,
    );
  }
}

/** Runs the stored next page for a token (a button) or, without one, the chat's latest (/more). */
export async function runNextPage(
  token: string | undefined,
  caller: Caller,
  services: Services,
): Promise<Reply> {
  const continuation = await services.pages.find(token, caller);
  const command =
    continuation && services.commands.find((candidate) => candidate.name === continuation.command);
  if (!continuation || !command) {
    return reply.text('Nothing more to show: that list has ended or expired. Ask again to start over.');
  }
  return runCommand(command, continuation.options, caller, services, continuation.page);
}

/** Parses and runs a text line; null when the line is not a command (plain chat text). */
export async function runCommandLine(
  line: string,
  caller: Caller,
  services: Services,
): Promise<Reply | null> {
  const parsed = parseCommandLine(line, services.commands);
  if (parsed.kind === 'not-a-command') return null;
  if (parsed.kind === 'error') return reply.text(parsed.message);
  return runCommand(parsed.command, parsed.options, caller, services);
}
