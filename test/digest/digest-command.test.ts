/**
 * `/digest` at the terminal, end to end in one process: real app (config, SQLite store, poller,
 * pipeline), local Markdown files as the news, the command typed as a line and rendered as text.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/container.js';
import type { Caller } from '../../src/chat/command-definition.js';
import { runCommandLine } from '../../src/chat/command-runner.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import { huaweiReports, iranReport, bikeLanes, NOW, type ArticleSpec } from '../stories/news-fixtures.js';
import { startTestApp } from '../helpers/test-app.js';

const TERMINAL: Caller = { platform: 'terminal', chatId: 'terminal', userId: 'local', isOperator: true };
let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function markdown(spec: ArticleSpec): string {
  const categories = spec.categories?.length ? `categories: ${spec.categories.join(', ')}\n` : '';
  return `---\ndate: 2026-11-27\n${categories}---\n# ${spec.title}\n\n${spec.text}\n`;
}

/** A folder of news files, one per report, and an app that reads it. */
async function appReading(files: Record<string, string>, extraYaml = ''): Promise<App> {
  const folder = mkdtempSync(join(tmpdir(), 'qw-news-'));
  mkdirSync(join(folder, 'news'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, 'news', name), content);
  const started = await startTestApp(
    `sources:\n  - id: news\n    url: ${JSON.stringify(join(folder, 'news'))}\n${extraYaml}`,
    {
      now: () => NOW,
    },
  );
  app = started.app;
  const outcomes = await app.services.poller.pollAll({ force: true });
  expect(outcomes.map((outcome) => outcome.result)).not.toContain('failed');
  return app;
}

async function typed(line: string): Promise<string> {
  const answer = await runCommandLine(line, TERMINAL, app!.services);
  return renderPlainText(answer!);
}

describe('/digest at the terminal', () => {
  it('keeps stories at ingest for a day window, and clusters from the store for a week window', async () => {
    const news = {
      'reuters.md': markdown(huaweiReports[0]!),
      'bbc.md': markdown(huaweiReports[1]!),
      'ap.md': markdown(iranReport),
    };
    await appReading(news);
    expect(app!.services.stories?.size).toBe(3);
    const daily = await typed('/digest');
    await app!.close();
    // A week of news would be a week held in memory: a weekly digest reads its window instead.
    await appReading(news, 'digest:\n  windowHours: 168\n');
    expect(app!.services.stories).toBeNull();
    const weekly = await typed('/digest');
    expect(weekly).toContain('2 stories from 3 articles in the last 168 hours.');
    expect(daily).toContain('2 stories from 3 articles in the last 24 hours.');
  });

  it('shows each event once with all its sources, its quotes, and the quote of the day', async () => {
    await appReading({
      'reuters.md': markdown(huaweiReports[0]!),
      'bbc.md': markdown(huaweiReports[1]!),
      'guardian.md': markdown(huaweiReports[2]!),
      'ap.md': markdown(iranReport),
      'gazette.md': markdown(bikeLanes),
    });
    const text = await typed('/digest');
    expect(text).toMatch(/^== Quotewire digest for 2026-11-27 ==/);
    expect(text).toContain('3 stories from 5 articles in the last 24 hours.');
    // The Huawei story first, once, with its three files as sources.
    const first = text.split('\n\n')[2]!;
    expect(first).toMatch(/^1\. .*(Huawei|secretary of state)/i);
    expect(text.match(/Huawei/g)!.length).toBeLessThan(10);
    // Local files have file:// links, which are not shown as links; every source is named.
    expect(text).toMatch(
      /\n3 sources: (reuters|bbc|guardian)\.md · (reuters|bbc|guardian)\.md · (reuters|bbc|guardian)\.md\n/,
    );
    expect(text).toMatch(/“[^”]+”\n {4}— Mike Pompeo, /);
    expect(text).toMatch(/== Quote of the day ==\n\n {2}“/);
    expect(text.match(/^\d\. /gm)).toEqual(['1. ', '2. ', '3. ']);
  });

  it('filters by topic and says so when nothing matches', async () => {
    await appReading({ 'reuters.md': markdown(huaweiReports[0]!), 'gazette.md': markdown(bikeLanes) });
    const transport = await typed('/digest Transport');
    expect(transport).toMatch(/^== Quotewire digest for 2026-11-27 \(topic: Transport\) ==/);
    expect(transport).toContain(bikeLanes.title);
    expect(transport).not.toContain('Huawei');
    const none = await typed('/digest cricket');
    expect(none).toContain('No stories about "cricket" in the last 24 hours. Try /digest without a topic');
  });

  it('says when the chat’s filters, not the sources, left the digest empty', async () => {
    await appReading({ 'reuters.md': markdown(huaweiReports[0]!), 'gazette.md': markdown(bikeLanes) });
    await typed('/filter add exclude huawei');
    expect(await typed('/digest')).toContain(bikeLanes.title);
    await typed('/filter add include cricket');
    const empty = await typed('/digest');
    expect(empty).toContain('All 2 stories of the last 24 hours were left out by this chat’s filters.');
    expect(empty).toContain('/filter lists them');
    expect(empty).not.toContain('/sources');
    // With a topic, only that topic's stories count.
    expect(await typed('/digest transport')).toContain('The one story of the last 24 hours was left out');
    expect(await typed('/digest cricket')).toContain('No stories about "cricket"');
  });

  it('prints hostile titles and quotes as harmless text', async () => {
    await appReading({
      'evil.md': markdown({
        source: 'x',
        title: 'Breaking \u001b[31m<b>red</b> & [x](javascript:alert(1)) @everyone',
        text: '"We will never give in to threats of this kind," the \u001b[2Jmayor, Ada Quist, said on Tuesday.\n\nMore follows.',
      }),
    });
    const text = await typed('/digest');
    expect(text).not.toContain('\u001b');
    // The escape character is gone, so "[31m" is mere text; nothing is a link.
    expect(text).toContain('1. Breaking [31mred & [x](javascript:alert(1)) @everyone\n');
  });
});
