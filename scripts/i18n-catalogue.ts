/**
 * Reads the message catalogues (locales/<language>/*.ftl) with Fluent's own parser, for the tools
 * that check them: the key generator (scripts/i18n-keys.ts) and the catalogue test. For each message
 * it lists the variables it uses (`{ $count }`, selectors included), so a translation that drops or
 * misspells one is caught before a chat sees "{$count}".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentParser, Junk, Message, Visitor, type VariableReference } from '@fluent/syntax';

/** One message of a catalogue: the file it is in and the variables its text uses. */
export interface CatalogueMessage {
  file: string;
  variables: string[];
}

/** A language's messages by key, with whatever its files failed to parse. */
export interface Catalogue {
  messages: Map<string, CatalogueMessage>;
  problems: string[];
}

class VariableCollector extends Visitor {
  readonly names = new Set<string>();
  override visitVariableReference(node: VariableReference): void {
    this.names.add(node.id.name);
  }
}

/** Parses every .ftl file of `language` under `localesFolder`. */
export function readCatalogue(localesFolder: string, language: string): Catalogue {
  const folder = join(localesFolder, language);
  const messages = new Map<string, CatalogueMessage>();
  const problems: string[] = [];
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.ftl'))
    .sort();
  for (const file of files) {
    const resource = new FluentParser({ withSpans: false }).parse(readFileSync(join(folder, file), 'utf8'));
    for (const entry of resource.body) {
      if (entry instanceof Junk) {
        problems.push(`${language}/${file}: cannot parse "${entry.content.trim().slice(0, 60)}"`);
      } else if (entry instanceof Message) {
        const key = entry.id.name;
        if (messages.has(key)) problems.push(`${language}/${file}: ${key} is defined twice`);
        const collector = new VariableCollector();
        collector.visit(entry);
        messages.set(key, { file, variables: [...collector.names].sort() });
      }
    }
  }
  return { messages, problems };
}

/** The language folders under `localesFolder`, English first. */
export function catalogueLanguages(localesFolder: string): string[] {
  const found = readdirSync(localesFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return ['en', ...found.filter((name) => name !== 'en')];
}
