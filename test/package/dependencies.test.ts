import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { extname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

/**
 * package.json against the code: every package imported anywhere is declared (an undeclared one
 * works only while another package happens to pull it in), and every runtime dependency is imported
 * (an unused one costs every install its download).
 */
const FOLDERS = ['src', 'commands', 'test', 'bench', 'scripts'];
const ROOT_FILES = ['eslint.config.js', 'vitest.config.ts'];
/** Packages used as programs from package.json's scripts or the test setup (vitest loads its coverage provider by name), never imported. */
const TOOLS = new Set(['typescript', 'eslint', 'prettier', 'tsx', 'vitest', '@vitest/coverage-v8']);
/** Development packages that src/ may load, and why that never happens in an installed copy. */
const DEV_ONLY_IN_SRC = new Set([
  // src/ingest/analyzer-pool.ts loads it only when running from the .ts sources (tests, benches).
  'tsx',
]);
const IMPORT =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire(?:\.resolve)?\s*\(\s*)['"]((?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*)(?:\/[^'"]*)?['"]|\brequire\s*\(\s*`((?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*)\//g;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(REPO_ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && ['.ts', '.js', '.mjs'].includes(extname(entry.name)))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Each imported package, with the files (relative to the repository) that import it. */
function importedPackages(): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const files = [...FOLDERS.flatMap(sourceFiles), ...ROOT_FILES.map((file) => join(REPO_ROOT, file))];
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const name = (match[1] ?? match[2])!;
      if (builtinModules.includes(name)) continue;
      const importers = packages.get(name) ?? [];
      packages.set(name, [...importers, relative(REPO_ROOT, file)]);
    }
  }
  return packages;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('package.json', () => {
  const imported = importedPackages();

  it('declares every package the code imports', () => {
    const declared = new Set([
      ...Object.keys(manifest.dependencies),
      ...Object.keys(manifest.devDependencies),
    ]);
    const undeclared = [...imported]
      .filter(([name]) => !declared.has(name))
      .map(([name, files]) => `${name} (${files[0]})`);
    expect(undeclared).toEqual([]);
    // The scan itself works: these are imported for certain.
    expect(imported.has('zod') && imported.has('vitest')).toBe(true);
  });

  it('imports every dependency it declares', () => {
    const unused = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)].filter(
      (name) =>
        !imported.has(name) &&
        !TOOLS.has(name) &&
        // Type packages serve an imported package (or Node itself).
        !(
          name.startsWith('@types/') &&
          (name === '@types/node' || imported.has(name.slice('@types/'.length)))
        ),
    );
    expect(unused).toEqual([]);
  });

  it('keeps runtime packages out of devDependencies', () => {
    const runtime = [...imported]
      .filter(
        ([name, files]) =>
          files.some((file) => /^(src|commands)\//.test(file)) &&
          manifest.devDependencies[name] &&
          !DEV_ONLY_IN_SRC.has(name),
      )
      .map(([name]) => name);
    expect(runtime).toEqual([]);
    expect(imported.get('zod')?.some((file) => file.startsWith('src/'))).toBe(true);
  });
});
