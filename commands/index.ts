/**
 * Every chat command, listed explicitly: adapters (terminal, Telegram, Discord) register exactly
 * these, in this order.
 */
import type { AnyCommand } from '../src/chat/command-definition.js';
import { digestCommand } from './digest.js';
import { helpCommand } from './help.js';
import { moreCommand } from './more.js';
import { quotesCommand } from './quotes.js';
import { sourceCommand } from './source.js';
import { sourcesCommand } from './sources.js';

export const commands: readonly AnyCommand[] = [
  helpCommand,
  digestCommand,
  quotesCommand,
  moreCommand,
  sourcesCommand,
  sourceCommand,
];
