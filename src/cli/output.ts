/**
 * Where the CLI writes: answers on stdout, one-line complaints on stderr. When the reader of stdout
 * goes away (`quotewire extract ... | head -1`), Node reports EPIPE as an unhandled stream error with
 * a stack trace; here it means "nobody wants more output", which ends the output quietly instead.
 */

/** Writes a line on stdout, unless nobody reads it any more. */
export function print(text: string): void {
  // Destroyed after EPIPE: writing again would only raise another error.
  if (!process.stdout.destroyed) process.stdout.write(`${text}\n`);
}

/** Writes one clear line on stderr, prefixed with the program's name. */
export function complain(text: string): void {
  process.stderr.write(`quotewire: ${text}\n`);
}

/**
 * Treats a closed stdout (EPIPE, and the writes that fail after it) as the end of the output rather
 * than an error, and calls `onClose` once so a long-running command can stop. Called once by main.
 */
export function endQuietlyWhenOutputCloses(onClose: () => void): void {
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (closed) return;
    if (error.code !== 'EPIPE') throw error;
    closed = true;
    onClose();
  });
  // A closed stderr (`2>&1 | head`) has nobody to complain to either.
  process.stderr.on('error', () => {});
}
