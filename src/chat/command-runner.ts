import type { Services } from './services.js';
import { describeError } from '../kernel/describe-error.js';
import type { AnyCommand, Caller } from './command-definition.js';
import { mayRun, refusal } from './command-access.js';
import { parseCommandLine } from './command-parser.js';
import { reply, type Reply } from './reply.js';

type OptionValues = Record<string, string | number | undefined>;

/**
 * Runs one command for a caller: checks the access rule it declares, stores the next page of a long answer, and
 * turns any failure into a reply that says what happened (the details go to the log), so no adapter
 * ever shows a stack trace.
 */
export async function runCommand(
  command: AnyCommand,
  options: OptionValues,
  caller: Caller,
  services: Services,
  page = 0,
): Promise<Reply> {
  if (!(await mayRun(command, options, caller))) return reply.text(refusal(command, caller));
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
    services.logger.error(`/${command.name} failed: ${describeError(error)}`);
    return reply.text(`Sorry, /${command.name} failed: ${describeError(error)}. Try again later.`);
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
