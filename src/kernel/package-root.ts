import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Quotewire's package.json. Found by walking up because this file runs both from
 * `src/` (tests, tsx) and from `dist/src/` (the built CLI), at different depths.
 */
export function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('Quotewire is installed without its package.json');
    folder = parent;
  }
  return folder;
}
