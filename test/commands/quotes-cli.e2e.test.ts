import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** `quotewire quotes <name> --json`: the data of /quotes for scripts, from the built executable. */
describe('quotewire quotes --json', () => {
  it('prints the speakers and quotes as one JSON object, and suggestions for an unknown name', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qw-quotes-cli-'));
    mkdirSync(join(folder, 'articles'));
    writeFileSync(
      join(folder, 'articles', 'raab.md'),
      '---\ntitle: Raab on trade\ndate: 2026-11-24\n---\n\nForeign Minister Dominic Raab spoke on Monday.\n\n"Trade matters to everyone," said Dominic Raab.\n\n"We will sign before the summer," Raab added.\n',
    );
    const config = join(folder, 'quotewire.yaml');
    writeFileSync(
      config,
      'sources:\n  - { id: local, url: "./articles" }\nstore:\n  url: sqlite://./store.sqlite\n',
    );
    expect((await runCli(['poll', '--config', config])).code).toBe(0);

    const result = await runCli(['quotes', 'dominik', 'rab', '--json', '--config', config]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual([
      'query',
      'words',
      'speakers',
      'corrected',
      'suggestions',
      'total',
      'truncated',
      'searchedOnly',
      'quotes',
    ]);
    expect(json).toMatchObject({
      query: 'dominik',
      words: [],
      speakers: [{ name: 'Dominic Raab', kind: 'person', count: 2, aliases: [] }],
      corrected: 'dominic raab',
      total: 2,
      truncated: false,
    });
    expect(json.quotes[0]).toMatchObject({
      speaker: 'Dominic Raab',
      spokenAs: 'Dominic Raab',
      text: 'Trade matters to everyone,',
      verb: 'said',
      date: '2026-11-24T00:00:00.000Z',
      article: { title: 'Raab on trade', source: 'raab.md', published: '2026-11-24T00:00:00.000Z' },
    });
    expect(json.quotes[0].article.url).toMatch(/^file:\/\/.*raab\.md$/);

    // Words match the quote, its article's title or its text: both quotes' article says "summer".
    const filtered = JSON.parse(
      (await runCli(['quotes', 'raab', 'Summer', '--json', '--config', config])).stdout,
    );
    expect(filtered).toMatchObject({ words: ['summer'], total: 2 });
    const none = JSON.parse(
      (await runCli(['quotes', 'raab', 'winter', '--json', '--config', config])).stdout,
    );
    expect(none).toMatchObject({ words: ['winter'], total: 0, quotes: [] });

    const unknown = JSON.parse((await runCli(['quotes', 'raabington', '--json', '--config', config])).stdout);
    expect(unknown).toMatchObject({ speakers: [], quotes: [], total: 0 });
    expect(unknown.suggestions.map((speaker: { name: string }) => speaker.name)).toEqual(['Dominic Raab']);
  });
});
