import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/container.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createMemoryLogger } from '../../src/kernel/logger.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const SPEAKERS = [
  'Maria Gonzalez',
  'David Chen',
  'Sarah Okafor',
  'Thomas Brandt',
  'Aisha Rahman',
  'Peter Novak',
];
const ITEMS = 24;

/** A feed of 24 stories, each with one quotation by one of six named people (four each). */
function feed(): string {
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const speaker = SPEAKERS[i % SPEAKERS.length]!;
    const surname = speaker.split(' ')[1];
    return `<item><title>Harbour works, part ${i + 1}</title><guid>harbour-${i + 1}</guid>
<link>https://news.example/harbour-${i + 1}</link><pubDate>Mon, 30 Nov 2026 0${i % 9}:00:00 GMT</pubDate>
<description><![CDATA[<p>The council approved stage ${i + 1} of the harbour works on Monday, after a long debate about the cost of dredging and the new sea wall.</p>
<p>"Stage ${i + 1} will be finished before the storms of the winter season arrive," said ${speaker}, who chairs the harbour committee.</p>
<p>${surname} added that the budget for stage ${i + 1} had been checked twice by the city's auditors.</p>]]></description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>${items.join('\n')}</channel></rss>`;
}

function setup(): string {
  const folder = mkdtempSync(join(tmpdir(), 'qw-crash-'));
  writeFileSync(join(folder, 'harbour.xml'), feed());
  const configFile = join(folder, 'quotewire.yaml');
  writeFileSync(
    configFile,
    'sources:\n  - { id: harbour, url: ./harbour.xml }\nstore: { url: "sqlite://./store.sqlite" }\nlimits: { analysisWorkers: 0 }\n',
  );
  return configFile;
}

describe('ingest killed with SIGKILL inside its write, then restarted', () => {
  for (const phase of ['before-commit', 'mid-commit', 'after-commit'] as const) {
    it(`loses nothing and duplicates nothing when killed ${phase.replace('-', ' ')}`, async () => {
      const configFile = setup();
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'test/helpers/crash-ingest-child.ts', configFile, phase],
        { cwd: REPO_ROOT, encoding: 'utf8' },
      );
      expect(child.stdout, child.stderr).not.toContain('finished without crashing');
      expect(child.signal).toBe('SIGKILL');

      // The restart: the same config and store, polled as the scheduler would.
      const config = loadConfig({ file: configFile, env: {} });
      const app = await createApp(config, { logger: createMemoryLogger() });
      try {
        await app.services.poller.pollAll({ force: true });
        const now = new Date();
        const articles = await app.services.articles.seenSince(new Date(now.getTime() - 86_400_000), now);
        expect(articles).toHaveLength(ITEMS);
        expect(new Set(articles.map((article) => article.id)).size).toBe(ITEMS);
        const digest = await app.services.digests.build(now, { windowHours: 48 });
        expect(digest.stats.articles).toBe(ITEMS);
        for (const speaker of SPEAKERS) {
          const found = await app.services.quotes.search(speaker, { limit: 100 });
          expect(found.kind, speaker).toBe('found');
          if (found.kind !== 'found') continue;
          const keys = found.hits.map((hit) => `${hit.article.id}|${hit.text}`);
          expect(keys, speaker).toHaveLength(ITEMS / SPEAKERS.length);
          expect(new Set(keys).size, `${speaker}: no quote twice`).toBe(keys.length);
        }
        // The source's own count agrees, whichever run stored the articles.
        const status = await app.services.statuses.get('harbour');
        expect(status.lastError).toBeNull();
      } finally {
        await app.close();
      }
    });
  }
});
