import type { Services } from '../app/services.js';
import { describeError } from '../sources/describe-error.js';
import type { AnyCommand, Caller } from './command-definition.js';
import { parseCommandLine } from './command-parser.js';
import { reply, type Reply } from './reply.js';

/**
 * Runs one command for a caller: checks operator rights and turns any failure into a reply that says
 * what happened (the details go to the log), so no adapter ever shows a stack trace.
 */
export async function runCommand(
  command: AnyCommand,
  options: Record<string, string | number | undefined>,
  caller: Caller,
  services: Services,
): Promise<Reply> {
  if (command.operatorOnly && !caller.isOperator) {
    return reply.text(`/${command.name} is for the bot's operators only.`);
  }
  try {
    // The parser (or the platform) has checked the values against the command's own option specs.
    return await command.run({ options: options as Parameters<AnyCommand['run']>[0]['options'], services, caller });
  } catch (error) {
    services.logger.error(`/${command.name} failed: ${describeError(error)}`);
    return reply.text(`Sorry, /${command.name} failed: ${describeError(error)}. Try again later.`);
  }
}

/** Parses and runs a text line; null when the line is not a command (plain chat text). */
export async function runCommandLine(line: string, caller: Caller, services: Services): Promise<Reply | null> {
  const parsed = parseCommandLine(line, services.commands);
  if (parsed.kind === 'not-a-command') return null;
  if (parsed.kind === 'error') return reply.text(parsed.message);
  return runCommand(parsed.command, parsed.options, caller, services);
}
