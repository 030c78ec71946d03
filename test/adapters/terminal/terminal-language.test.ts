import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTerminalChat } from '../../../src/adapters/terminal/terminal-chat.js';
import type { App } from '../../../src/app/container.js';
import { REPO_ROOT } from '../../helpers/run-cli.js';
import { startTestApp } from '../../helpers/test-app.js';

/** Runs the terminal chat on these input lines and returns everything it wrote. */
async function chat(app: App, lines: string[]): Promise<string> {
  let written = '';
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  await runTerminalChat({
    services: app.services,
    input: Readable.from(lines.map((line) => `${line}\n`)),
    output,
    interactive: false,
  });
  return written;
}

const SOURCES = `sources:\n  - url: ${REPO_ROOT}samples/pompeo-huawei-2020-02-01.txt\n`;

describe('the terminal chat in the configured language', () => {
  let german: App;
  let english: App;

  beforeAll(async () => {
    ({ app: german } = await startTestApp(`${SOURCES}digest:\n  language: de\n`));
    ({ app: english } = await startTestApp(SOURCES));
    await german.services.poller.pollAll();
  });
  afterAll(async () => {
    await german.close();
    await english.close();
  });

  it('speaks the config’s digest.language, and /settings language changes it for the next lines and runs', async () => {
    const first = await chat(german, ['/help', 'hallo', '/settings language fr', '/unsubscribe']);
    const [welcome, ...rest] = first.split('\n');
    expect(welcome).toBe('Quotewire: 1 Quelle(n). /help zeigt die Befehle.');
    expect(rest.join('\n')).toMatch(/== Quotewire-Digest für \d{4}-\d\d-\d\d ==/);
    expect(first).toContain('/digest [topic...] — Den heutigen Digest sofort, auf Wunsch zu einem Thema');
    expect(first).toContain('Befehle beginnen mit "/": Versuche /help, /digest oder /quotes <name>.');
    expect(first).toContain('Langue définie. Langue : fr. Changez-la avec /settings language <code>.');
    expect(first).toContain('Les abonnements sont pour les chats Telegram ou Discord.');

    // The choice is kept with the chat's settings in the store.
    const second = await chat(german, []);
    expect(second.split('\n')[0]).toBe('Quotewire : 1 source(s). Tapez /help pour les commandes.');
    expect(second).toMatch(/== Digest Quotewire du \d{4}-\d\d-\d\d ==/);
  });

  it('stays in English, word for word, by default', async () => {
    const output = await chat(english, ['/frobnicate', '/time 25:00']);
    expect(output.split('\n')[0]).toBe('Quotewire: 1 source(s). Type /help for commands.');
    expect(output).toContain('unknown command /frobnicate: Type /help for the list.');
    expect(output).toContain('Subscriptions are for chats on Telegram or Discord.');
  });
});
