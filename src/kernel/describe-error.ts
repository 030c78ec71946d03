/**
 * One line for a user or a log, from any error: our own errors already carry a message written for
 * people; anything unexpected is reduced to its first line, never a stack trace.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return (error.message.split('\n')[0] ?? error.name).trim() || error.name;
  return String(error);
}
