/** Writes a line on stdout. */
export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Writes one clear line on stderr, prefixed with the program's name. */
export function complain(text: string): void {
  process.stderr.write(`quotewire: ${text}\n`);
}
