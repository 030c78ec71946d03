/** Where operational messages go. Passed in, so tests can capture them and chat output stays clean. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** One line per message on stderr, with a timestamp: stdout stays for chat and command output. */
export function createStderrLogger(options: { quiet?: boolean } = {}): Logger {
  const write = (level: string, message: string) =>
    process.stderr.write(`${new Date().toISOString()} ${level} ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  return {
    info: (message) => {
      if (!options.quiet) write('info', message);
    },
    warn: (message) => write('warn', message),
    error: (message) => write('error', message),
  };
}

/** A logger that keeps messages in memory, for tests. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}
