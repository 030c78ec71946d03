#!/usr/bin/env node
/**
 * `npm start` runs this first: it compiles the TypeScript only when a source is newer than the last
 * build, so a second start goes straight to the bot instead of spending 10-40 s in tsc. `npm run
 * build` (and the install) passes --always. Plain JavaScript on purpose: it runs before anything is
 * built.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.build-stamp');
const inputs = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time under a file or folder. */
function newest(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : -1;
const changedAt = Math.max(...inputs.map((input) => newest(join(root, input))));
if (process.argv.includes('--always') || changedAt > builtAt) {
  process.stderr.write('quotewire: compiling the TypeScript sources (only after they change)...\n');
  try {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  } catch {
    process.stderr.write(
      'quotewire: the build failed (see above); fix the error, or run "git status" to see what changed\n',
    );
    process.exit(1);
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
