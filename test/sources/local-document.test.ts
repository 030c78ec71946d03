import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectLocalFormat, parseLocalDocument } from '../../src/sources/local-document.js';
import { markdownToText } from '../../src/sources/markdown-to-text.js';

const SAMPLE = 'samples/pompeo-huawei-2020-02-01.txt';

const LONG_PARAGRAPH =
  'The harbour authority said on Tuesday that the new breakwater would be finished before the autumn storms, ' +
  'ending two years of delays that had left fishing crews exposed to rough seas.';

describe('parseLocalDocument: plain text', () => {
  it('reads the bundled sample: date header, section, paragraphs, title from the first sentence', () => {
    const content = readFileSync(SAMPLE, 'utf8');
    const draft = parseLocalDocument(content, SAMPLE, 'text');
    expect(draft.published).toBe('2020-02-01');
    expect(draft.categories).toEqual(['advertisement']);
    expect(draft.url).toBe(pathToFileURL(resolve(SAMPLE)).href);
    expect(draft.source).toBe('pompeo-huawei-2020-02-01.txt');
    expect(draft.text.startsWith('US Secretary of State Mike Pompeo is confident that')).toBe(true);
    expect(draft.text).not.toContain('date 2020');
    expect(draft.text).not.toMatch(/\n{3,}|^\s|\s$/);
    expect(draft.text.split('\n\n').length).toBeGreaterThan(5);
    expect(draft.title.startsWith('US Secretary of State Mike Pompeo')).toBe(true);
    expect(draft.title.length).toBeLessThanOrEqual(110);
    expect(draft.title.endsWith('…')).toBe(true);
  });

  it('accepts a byte order mark and spaces before the date header', () => {
    const draft = parseLocalDocument(
      `\ufeff  date 2021-03-04 world news\n\n${LONG_PARAGRAPH}\n`,
      'a.txt',
      'text',
    );
    expect(draft.published).toBe('2021-03-04');
    expect(draft.categories).toEqual(['world news']);
    expect(draft.text).toBe(LONG_PARAGRAPH);
  });

  it('reads text without a header, joining wrapped lines and taking a short first line as the headline', () => {
    const content = `Breakwater finished early\n\nThe harbour authority said on Tuesday\nthat the work was done.\r\n\r\nSecond paragraph.\n`;
    const draft = parseLocalDocument(content, '/tmp/notes/story.txt', 'text');
    expect(draft.title).toBe('Breakwater finished early');
    expect(draft.text).toBe(
      'The harbour authority said on Tuesday that the work was done.\n\nSecond paragraph.',
    );
    expect(draft.published).toBeNull();
    expect(draft.categories).toEqual([]);
    expect(draft.url).toBe('file:///tmp/notes/story.txt');
  });

  it('uses the whole first sentence as the title when it is short enough', () => {
    const draft = parseLocalDocument('Mr. Smith went to Washington. He stayed a week.', 'a.txt', 'text');
    expect(draft.title).toBe('Mr. Smith went to Washington.');
    expect(draft.text).toBe('Mr. Smith went to Washington. He stayed a week.');
  });

  it('refuses a file without text', () => {
    expect(() => parseLocalDocument('date 2020-01-01 x\n\n  \n', 'empty.txt', 'text')).toThrow(
      /empty\.txt has no text/,
    );
  });
});

describe('parseLocalDocument: Markdown', () => {
  it('takes title, date, author and tags from front matter', () => {
    const content = [
      '---',
      'title: "Breakwater: done"',
      'date: 2024-05-14T09:30:00+02:00',
      'author: Anna Berg',
      'tags: [harbour, council]',
      '---',
      '',
      'The **harbour** authority said so.',
    ].join('\n');
    const draft = parseLocalDocument(content, 'story.md', 'markdown');
    expect(draft).toMatchObject({
      title: 'Breakwater: done',
      published: '2024-05-14T07:30:00.000Z',
      byline: 'Anna Berg',
      categories: ['harbour', 'council'],
      text: 'The harbour authority said so.',
    });
  });

  it('takes the title from the first heading and removes Markdown syntax from the text', () => {
    const content = [
      '# Breakwater *finished* early',
      '',
      'The authority [said](https://example.com/said "source") on _Tuesday_ that `v2` plans',
      'were ready. ![a map](map.png)',
      '',
      '## Costs',
      '',
      '- stone: **40%**',
      '- labour',
      '1. first [ref link][1]',
      '',
      '> "We are ready," the chair said.',
      '',
      '```',
      'const budget = 3;',
      '```',
      '',
      '[1]: https://example.com/ref',
    ].join('\n');
    const draft = parseLocalDocument(content, 'story.md', 'markdown');
    expect(draft.title).toBe('Breakwater finished early');
    expect(draft.text).toBe(
      [
        'The authority said on Tuesday that v2 plans were ready.',
        'Costs',
        'stone: 40%',
        'labour',
        'first ref link',
        '"We are ready," the chair said.',
        'const budget = 3;',
      ].join('\n\n'),
    );
  });

  it('keeps characters that only look like emphasis', () => {
    expect(markdownToText('snake_case_name, 5 * 3 and \\*literal\\* stars')).toBe(
      'snake_case_name, 5 * 3 and *literal* stars',
    );
  });

  it('stays fast on hostile Markdown', () => {
    const started = Date.now();
    for (const input of [
      '[['.repeat(200_000),
      '![x]('.repeat(100_000),
      '> '.repeat(200_000),
      '**'.repeat(200_000),
    ]) {
      markdownToText(input);
    }
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('parseLocalDocument: HTML', () => {
  it('extracts the article of a saved web page', () => {
    const paragraphs = Array.from({ length: 4 }, (_, i) => `<p>${LONG_PARAGRAPH} Paragraph ${i}.</p>`).join(
      '',
    );
    const html =
      '<!doctype html><html><head><title>Breakwater</title><meta name="author" content="Anna Berg">' +
      '<meta property="article:published_time" content="2024-05-14T08:00:00Z"></head><body>' +
      `<nav><a href="/">Home</a><a href="/world">World</a></nav><article>${paragraphs}</article></body></html>`;
    const draft = parseLocalDocument(html, 'saved/page.html', 'html');
    expect(draft.title).toBe('Breakwater');
    expect(draft.byline).toBe('Anna Berg');
    expect(draft.published).toBe('2024-05-14T08:00:00.000Z');
    expect(draft.text).toContain('Paragraph 3.');
    expect(draft.text).not.toContain('Home');
    expect(draft.source).toBe('page.html');
  });

  it('reads a simple document whole when it has too little structure for the extractor', () => {
    const html =
      '<html><head><title>Note</title></head><body><h1>Note</h1><p>Short body.</p><p>Two.</p></body></html>';
    const draft = parseLocalDocument(html, 'note.html', 'html');
    expect(draft.title).toBe('Note');
    expect(draft.text).toBe('Short body.\n\nTwo.');
  });
});

describe('detectLocalFormat', () => {
  it('recognises HTML from the content, whatever the file is called', () => {
    expect(detectLocalFormat('<!DOCTYPE html><html><body><p>x</p></body></html>', 'saved.txt')).toBe('html');
    expect(detectLocalFormat('\ufeff  <html lang="en"><p>x</p></html>', 'page.md')).toBe('html');
    expect(detectLocalFormat('<!-- saved --><head><title>x</title></head>', 'x')).toBe('html');
    const fragment = '<div class="story"><p>One <b>two</b></p><p>Three</p><ul><li>four</li></ul></div>';
    expect(detectLocalFormat(fragment, 'notes.txt')).toBe('html');
  });

  it('recognises Markdown from headings, links, lists and front matter', () => {
    expect(detectLocalFormat('# Title\n\nSome [link](http://x.com).\n\n- one\n- two\n', 'notes.txt')).toBe(
      'markdown',
    );
    expect(detectLocalFormat('---\ntitle: x\n---\nBody text.\n', 'notes.txt')).toBe('markdown');
  });

  it('recognises plain text, including the sample format', () => {
    expect(detectLocalFormat(readFileSync(SAMPLE, 'utf8'), SAMPLE)).toBe('text');
    expect(detectLocalFormat('date 2020-02-01 world\n\n# not a heading\n- nor\n- a list\n', 'x.md')).toBe(
      'text',
    );
    expect(detectLocalFormat('A story. It has a < b and c > d in it.\n', 'story.html')).toBe('text');
  });

  it('uses the extension only to break ties', () => {
    expect(detectLocalFormat('Just a paragraph of prose.\n', 'story.md')).toBe('markdown');
    expect(detectLocalFormat('Just a paragraph of prose.\n', 'story.txt')).toBe('text');
    expect(detectLocalFormat('Some text with <b>one</b> tag.\n', 'story.html')).toBe('html');
  });
});
