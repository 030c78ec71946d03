import { join } from 'node:path';
import { Translations } from '../../src/i18n/translations.js';
import { REPO_ROOT } from './run-cli.js';

/** The repository's message catalogues, loaded as the composition root loads them. */
export function testTranslations(): Translations {
  return Translations.load(join(REPO_ROOT, 'locales'));
}
