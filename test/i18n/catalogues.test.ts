import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { OptionSpec } from '../../src/chat/command-definition.js';
import { LANGUAGES } from '../../src/i18n/languages.js';
import { catalogueLanguages, readCatalogue } from '../../scripts/i18n-catalogue.js';
import { messageKeysSource } from '../../scripts/i18n-keys.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { testTranslations } from '../helpers/translations.js';

/**
 * The catalogues against each other and against the code: a message missing from a language, one
 * with a placeable the English does not have (or without one it has), a file Fluent cannot parse,
 * or a command without its description in every language fails here, naming what to fix.
 */
const LOCALES = join(REPO_ROOT, 'locales');
const english = readCatalogue(LOCALES, 'en');

describe('message catalogues', () => {
  it('has a folder for every interface language and no other', () => {
    expect(catalogueLanguages(LOCALES).sort()).toEqual([...LANGUAGES].sort());
  });

  it('parses every file', () => {
    const problems = LANGUAGES.flatMap((language) => readCatalogue(LOCALES, language).problems);
    expect(problems).toEqual([]);
  });

  for (const language of LANGUAGES.filter((code) => code !== 'en')) {
    it(`${language} has every English message, no other, with the same placeables`, () => {
      const { messages } = readCatalogue(LOCALES, language);
      const missing = [...english.messages.keys()].filter((key) => !messages.has(key));
      const extra = [...messages.keys()].filter((key) => !english.messages.has(key));
      const mismatched = [...english.messages]
        .filter(([key]) => messages.has(key))
        .filter(([key, message]) => messages.get(key)!.variables.join() !== message.variables.join())
        .map(
          ([key, message]) =>
            `${key}: en {${message.variables}} ≠ ${language} {${messages.get(key)!.variables}}`,
        );
      expect({ missing, extra, mismatched }).toEqual({ missing: [], extra: [], mismatched: [] });
    });
  }

  it('formats every message in every language without an error, for one and for many', () => {
    const errors: string[] = [];
    for (const language of LANGUAGES) {
      const bundle = new FluentBundle(language, { useIsolating: false });
      const folder = join(LOCALES, language);
      for (const file of readdirSync(folder).filter((name) => name.endsWith('.ftl'))) {
        bundle.addResource(new FluentResource(readFileSync(join(folder, file), 'utf8')));
      }
      for (const [key, { variables }] of english.messages) {
        for (const count of [1, 3]) {
          const args = Object.fromEntries(variables.map((name) => [name, count]));
          const found: Error[] = [];
          const text = bundle.formatPattern(bundle.getMessage(key)!.value!, args, found);
          if (found.length || text.trim() === '') errors.push(`${language} ${key}: ${found.join('; ')}`);
        }
      }
    }
    expect(errors).toEqual([]);
  });

  it('says "1 post", "once", "a second" in English where a count can be one, not "1 posts"', () => {
    const t = testTranslations().translator('en');
    expect(t('follow-done', { name: 'Ada', minutes: 1, perHour: 1 })).toContain(
      'at most once a minute and 1 post an hour',
    );
    expect(t('follow-done-corrected', { asked: 'ad', name: 'Ada', minutes: 5, perHour: 10 })).toContain(
      'at most every 5 minutes and 10 posts an hour',
    );
    expect(t('flood-slow-down', { seconds: 1 })).toContain('for about a second,');
    expect(t('names-and-others', { names: 'A, B, C', count: 1 })).toBe('A, B, C and 1 other');
    expect(t('filter-cleared', { count: 1 })).toBe('Removed the one filter: every story comes.');
    const notice = { id: 'wire', url: 'https://w.example/rss', reason: 'down', fix: 'wait' };
    expect(t('notice-source-failing-chat', { ...notice, count: 1 })).toContain('has failed once: down.');
    expect(t('notice-source-failing-global', { ...notice, count: 5 })).toContain(
      'has failed 5 times in a row: down.',
    );
  });

  it('agrees a French participle with a count of one: "1 sujet tiré", not "1 sujet tirés"', () => {
    const t = testTranslations().translator('fr');
    expect(t('digest-overview', { stories: 1, articles: 1, hours: '24 heures' })).toBe(
      '1 sujet tiré de 1 article ces dernières 24 heures.',
    );
    expect(t('digest-overview', { stories: 2, articles: 3, hours: '24 heures' })).toBe(
      '2 sujets tirés de 3 articles ces dernières 24 heures.',
    );
  });

  it('keeps src/i18n/message-keys.ts in step with the English catalogue (npm run i18n:keys)', async () => {
    const current = readFileSync(join(REPO_ROOT, 'src/i18n/message-keys.ts'), 'utf8');
    expect(current).toBe(await messageKeysSource(REPO_ROOT));
  });
});

describe('command descriptions', () => {
  const ids = commands.flatMap((command) => [
    { id: `command-${command.name}`, english: command.description },
    ...Object.entries(command.options as Record<string, OptionSpec>).map(([option, spec]) => ({
      id: `option-${command.name}-${option}`,
      english: spec.description,
    })),
  ]);

  it('has every command and option of commands/index.ts in the English catalogue, as written there', () => {
    const bundle = new FluentBundle('en', { useIsolating: false });
    for (const file of readdirSync(join(LOCALES, 'en')).filter((name) => name.endsWith('.ftl'))) {
      bundle.addResource(new FluentResource(readFileSync(join(LOCALES, 'en', file), 'utf8')));
    }
    const differing = ids
      .map(({ id, english: inline }) => {
        const message = bundle.getMessage(id);
        const text = message?.value ? bundle.formatPattern(message.value) : undefined;
        return text === inline ? null : `${id}: catalogue "${text}" ≠ definition "${inline}"`;
      })
      .filter(Boolean);
    expect(differing).toEqual([]);
  });

  it('fits Telegram (3–256 characters) and Discord (1–100) in every language', () => {
    const tooLong: string[] = [];
    for (const language of LANGUAGES) {
      const { messages } = readCatalogue(LOCALES, language);
      for (const { id } of ids) expect(messages.has(id), `${language} lacks ${id}`).toBe(true);
    }
    for (const language of LANGUAGES) {
      const bundle = new FluentBundle(language, { useIsolating: false });
      for (const file of readdirSync(join(LOCALES, language)).filter((name) => name.endsWith('.ftl'))) {
        bundle.addResource(new FluentResource(readFileSync(join(LOCALES, language, file), 'utf8')));
      }
      for (const { id } of ids) {
        const text = bundle.formatPattern(bundle.getMessage(id)!.value!);
        if (text.length < 3 || text.length > 100) tooLong.push(`${language} ${id}: ${text.length}`);
      }
    }
    expect(tooLong).toEqual([]);
  });
});
