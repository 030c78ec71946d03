import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/container.js';
import type { Caller } from '../../src/chat/command-definition.js';
import { runCommandLine } from '../../src/chat/command-runner.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import { startTestApp } from '../helpers/test-app.js';

/**
 * /quotes and /speakers through the command runner, on a real app whose only source is a folder of
 * Markdown articles written for the test, polled into a temporary SQLite store.
 */
const caller: Caller = { platform: 'terminal', chatId: 'chat-1', userId: 'user-1', isOperator: false };
const NOW = new Date('2026-11-25T12:00:00.000Z');

function markdown(title: string, date: string, paragraphs: string[]): string {
  return `---\ntitle: ${title}\ndate: ${date}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

const INVENTED = [
  'Alba Abbott',
  'Bruno Becker',
  'Cora Castillo',
  'Dario Dunn',
  'Edda Ekwueme',
  'Fyodor Fenwick',
  'Gilda Grove',
  'Hamid Hollis',
  'Irma Ingram',
  'Jules Jaramillo',
  'Kasia Kettering',
  'Lorcan Lyle',
  'Mirela Munro',
  'Nils Northcote',
  'Oona Oyelaran',
  'Piet Prewitt',
  'Rhea Rowntree',
  'Sven Saltonstall',
  'Tilde Thornbury',
  'Ugne Underhill',
  'Vito Vantongeren',
];

let app: App;
let text: (line: string) => Promise<string>;

beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'qw-quotes-articles-'));
  const write = (name: string, content: string) => writeFileSync(join(folder, name), content);
  write(
    'pompeo-huawei.md',
    markdown('Pompeo warns London about Huawei', '2026-11-20', [
      'The US Secretary of State arrived in London on Tuesday for talks on 5G networks.',
      '"The Chinese Communist Party is the central threat of our time," said Secretary of State Mike Pompeo.',
    ]),
  );
  write(
    'pompeo-friends.md',
    markdown('A friendly visit', '2026-11-22', [
      'The visit ended with a dinner at the embassy.',
      '"We are friends and we will stay friends," Secretary Pompeo told reporters.',
    ]),
  );
  write(
    'perez.md',
    markdown('Budget talks', '2026-11-25', [
      'The finance committee met in the morning.',
      '"The budget is balanced for the first time in years," said José Pérez.',
      '"Nobody should expect new taxes," Pérez added.',
      '"The port will reopen on Monday," the Harbour Authority said in a statement.',
    ]),
  );
  write(
    'raab.md',
    markdown('Raab on trade', '2026-11-24', [
      'Foreign Minister Dominic Raab spoke to the press on Monday about the trade agreement.',
      ...Array.from({ length: 7 }, (_, i) => `"Trade point number ${i + 1} matters," said Dominic Raab.`),
    ]),
  );
  write(
    'crowd.md',
    markdown('Residents speak', '2026-11-23', [
      'Residents gave their views at the town hall meeting.',
      ...INVENTED.map((name) => `"I have something to say about the market," said ${name}.`),
    ]),
  );
  const long = 'This is a very long statement about the harbour and the budget. '.repeat(50);
  write(
    'quist.md',
    markdown(`${'A very long headline about the harbour '.repeat(10)}`, '2026-11-21', [
      'The council published the full remarks of the councillor.',
      ...Array.from({ length: 6 }, (_, i) => `"${long}Part ${i}," said Ada Quist.`),
    ]),
  );
  // One wire story in two feeds' words: its quote must be listed once.
  for (const [file, title] of [
    ['ferry-wire.md', 'Ferry service resumes'],
    ['ferry-copy.md', 'Ferries are back after the storm'],
  ] as const) {
    write(
      file,
      markdown(title, '2026-11-25', [
        `${title} after three days of high winds.`,
        '"Every crossing is running on time again," harbour master Ines Okafor said on Wednesday.',
      ]),
    );
  }
  ({ app } = await startTestApp(`sources:\n  - { id: local, url: "${folder}" }`, { now: () => NOW }));
  const outcomes = await app.services.poller.pollAll({ force: true });
  expect(outcomes[0]).toMatchObject({ result: 'new', newArticles: 8 });
  text = async (line) => renderPlainText((await runCommandLine(line, caller, app.services))!);
});

afterAll(async () => {
  await app?.close();
});

describe('/quotes <name> [words]', () => {
  it('shows what a person said, newest first, with the article, source, date and link', async () => {
    const answer = await text('/quotes pompeo');
    expect(answer).toMatch(/^== Quotes by Mike Pompeo \(1–2 of 2\) ==/);
    expect(answer.indexOf('We are friends')).toBeLessThan(answer.indexOf('The Chinese Communist Party'));
    // Local files have file:// links, which are never shown as links; feed articles have http(s) ones.
    // One short line per quote: speaker, source (the link) and date; no title.
    expect(answer).toContain('— Mike Pompeo — pompeo-friends.md, 2026-11-22');
    expect(answer).not.toContain('A friendly visit');
    expect(answer).not.toContain('More: type /more');
  });

  it('finds the same person by full name, in any case, without accents, or with typos', async () => {
    const byFullName = await text('/quotes "Mike Pompeo"');
    expect(byFullName).toMatch(/^== Quotes by Mike Pompeo \(1–2 of 2\) ==/);
    expect(await text('/quotes MIKE pompeo')).toBe(byFullName);
    expect(await text('/quotes jose perez')).toMatch(/^== Quotes by José Pérez \(1–2 of 2\) ==/);
    const typo = await text('/quotes pompei');
    expect(typo).toContain('Nobody is called "pompei"; showing Mike Pompeo.');
    expect(typo).toContain('We are friends');
    expect(await text('/quotes dominik rab trade')).toMatch(
      /^== Quotes by Dominic Raab with "trade" \(1–5\) ==\n\nNobody is called "dominik rab"; showing Dominic Raab\./,
    );
    expect(await text('/quotes harbour authority')).toContain('The port will reopen on Monday');
  });

  it('takes titles and honorifics in the name, as chat platforms split it', async () => {
    const byTitle = await text('/quotes Secretary Pompeo');
    expect(byTitle).toMatch(/^== Quotes by Mike Pompeo \(1–2 of 2\) ==/);
    expect(await text('/quotes mr pompeo')).toBe(byTitle);
    expect(await text('/quotes Secretary of State Mike Pompeo')).toBe(byTitle);
    expect(await text('/quotes sen. raab trade')).toMatch(/^== Quotes by Dominic Raab with "trade"/);
  });

  it('tells a misspelt surname from the words to search for', async () => {
    const typo = await text('/quotes mike pompei');
    expect(typo).toMatch(/^== Quotes by Mike Pompeo \(1–2 of 2\) ==/);
    expect(typo).toContain('Nobody is called "mike pompei"; showing Mike Pompeo.');
    const withWord = await text('/quotes mike pompei dinner');
    expect(withWord).toMatch(/^== Quotes by Mike Pompeo with "dinner" \(1–1 of 1\) ==/);
  });

  it('lists a quote once however many copies of its story are stored', async () => {
    const answer = await text('/quotes okafor');
    expect(answer).toMatch(/^== Quotes by Ines Okafor \(1–1 of 1\) ==/);
    expect(answer.match(/Every crossing is running on time again/g)).toHaveLength(1);
  });

  it('narrows to quotes whose quote or article has the words', async () => {
    const answer = await text('/quotes mike pompeo huawei');
    expect(answer).toMatch(/^== Quotes by Mike Pompeo with "huawei" \(1–1 of 1\) ==/);
    expect(answer).toContain('central threat');
    expect(answer).not.toContain('We are friends');
    expect(await text('/quotes pompeo dinner')).toContain('We are friends');
    expect(await text('/quotes pompeo zebra')).toBe('Mike Pompeo: no quotes with "zebra".');
  });

  it('pages long answers through /more', async () => {
    const first = await runCommandLine('/quotes raab', caller, app.services);
    expect(first!.more?.token).toBeTruthy();
    const firstText = renderPlainText(first!);
    expect(firstText).toMatch(/^== Quotes by Dominic Raab \(1–5 of 7\) ==/);
    expect(firstText).toContain('Trade point number 1 matters');
    const second = await text('/more');
    expect(second).toMatch(/^== Quotes by Dominic Raab \(6–7 of 7\) ==/);
    expect(second).toContain('Trade point number 7 matters');
    expect(second).not.toContain('More: type /more');
  });

  it('keeps every page well within a Telegram message, however long the quotes and titles', async () => {
    const answer = await runCommandLine('/quotes quist', caller, app.services);
    const rendered = renderPlainText(answer!);
    expect(rendered).toMatch(/^== Quotes by Ada Quist \(1–5 of 6\) ==/);
    expect(rendered.length).toBeLessThan(4_096);
    expect(answer!.more).toBeDefined();
  });

  it('answers an unknown name with the closest known speakers', async () => {
    expect(await text('/quotes pomp')).toBe(
      'Nobody called "pomp" has been quoted yet. Closest: Mike Pompeo. Try /quotes "Mike Pompeo".',
    );
    expect(await text('/quotes zzqqxx')).toBe(
      'Nobody called "zzqqxx" has been quoted yet. /speakers lists everyone who has.',
    );
  });

  it('gives a clear answer to hostile names: metacharacters, Markdown, controls, 10,000 characters', async () => {
    expect(await text('/quotes .*+?^${}()|[]\\')).toMatch(/^Type a name after \/quotes/);
    expect(await text('/quotes *_[x](javascript:alert(1))_*')).toMatch(
      /^Nobody called "\*_\[x\]\(javascript:alert\(1\)\)_\*"/,
    );
    const controls = await text('/quotes \u0007\u001b[2Jpompeo\u0000');
    expect(controls).toMatch(/^== Quotes by Mike Pompeo/);
    const huge = await text(`/quotes ${'x'.repeat(10_000)}`);
    expect(huge).toMatch(/^Nobody called "x{59}…" has been quoted yet\./);
    expect(huge.length).toBeLessThan(200);
    expect(await text(`/quotes pompeo ${'huawei '.repeat(2_000)}`)).toContain('central threat');
  });
});

describe('/quotes alone and /speakers', () => {
  it('lists today’s most quoted people, counting by the day articles were first seen, like the digest', async () => {
    // Every article was published earlier this week but first seen today.
    const answer = await text('/quotes');
    expect(answer).toMatch(/^== Most quoted today \(2026-11-25\) ==/);
    expect(answer).toContain('1. Dominic Raab — 7 quotes');
    expect(answer).toContain('2. Ada Quist — 6 quotes');
    expect(answer).toContain('Mike Pompeo — 2 quotes');
  });

  it('lists known speakers with counts, most quoted first, a page at a time', async () => {
    const first = await runCommandLine('/speakers', caller, app.services);
    const firstText = renderPlainText(first!);
    expect(firstText).toMatch(/^== Speakers \(1–20 of 27\) ==/);
    expect(firstText).toContain('Dominic Raab — 7 quotes, last 2026-11-24');
    expect(firstText).toMatch(/Mike Pompeo — 2 quotes, last 2026-11-22; also "Pompeo"/);
    expect(firstText).toContain('Harbour Authority — 1 quote, last 2026-11-25, organisation');
    expect(first!.more).toBeDefined();
    expect(await text('/more')).toMatch(/^== Speakers \(21–27 of 27\) ==/);
    expect(await text('/speakers pom')).toMatch(
      /^== Speakers named "pom…" \(1–1 of 1\) ==\n\n {2}• Mike Pompeo/,
    );
    expect(await text('/speakers qqq')).toBe(
      'No speaker has a name starting with "qqq". /speakers alone lists everyone.',
    );
  });
});
