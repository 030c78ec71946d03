/**
 * Writes src/i18n/message-keys.ts from the English catalogue (locales/en/*.ftl): one entry per
 * message with the variables it takes, so `t('wrong-key')` or a missing `{ $count }` is a compile
 * error. Run `npm run i18n:keys` after adding or renaming a message; `--check` only reports whether
 * the file is current (the catalogue test runs the same comparison).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { format, resolveConfig } from 'prettier';
import { packageRoot } from '../src/kernel/package-root.js';
import { readCatalogue } from './i18n-catalogue.js';

const TARGET = 'src/i18n/message-keys.ts';

/** The TypeScript source of message-keys.ts for the English catalogue under `root`. */
export async function messageKeysSource(root: string): Promise<string> {
  const { messages, problems } = readCatalogue(join(root, 'locales'), 'en');
  if (problems.length) throw new Error(problems.join('\n'));
  const lines = [...messages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, { variables }]) => {
      const args = variables.length
        ? `{ ${variables.map((name) => `${name}: MessageArg`).join('; ')} }`
        : 'null';
      return `  '${key}': ${args};`;
    });
  const source = [
    '/**',
    ' * Every message of the catalogues with the arguments it takes, generated from locales/en/*.ftl by',
    ' * `npm run i18n:keys`: do not edit by hand. `null` means the message takes no arguments.',
    ' */',
    "import type { MessageArg } from './message-arg.js';",
    '',
    'export interface MessageArgs {',
    ...lines,
    '}',
    '',
  ].join('\n');
  // Formatted as the repository is, so that `npm run lint` accepts the generated file as it is.
  const path = join(root, TARGET);
  return format(source, { ...(await resolveConfig(path)), filepath: path });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const root = packageRoot();
  const source = await messageKeysSource(root);
  const path = join(root, TARGET);
  if (process.argv.includes('--check')) {
    const current = readFileSync(path, 'utf8');
    if (current !== source) {
      process.stderr.write(`${TARGET} is out of date: run npm run i18n:keys\n`);
      process.exit(1);
    }
  } else {
    writeFileSync(path, source);
    process.stdout.write(`wrote ${TARGET}\n`);
  }
}
