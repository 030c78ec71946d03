/**
 * Every chat command, listed explicitly: adapters (terminal, Telegram, Discord) register exactly
 * these, in this order.
 */
import type { AnyCommand } from '../src/chat/command-definition.js';
import { digestCommand } from './digest.js';
import { exportCommand } from './export.js';
import { helpCommand } from './help.js';
import { importCommand } from './import.js';
import { moreCommand } from './more.js';
import { quotesCommand } from './quotes.js';
import { speakersCommand } from './speakers.js';
import { sourceCommand } from './source.js';
import { sourcesCommand } from './sources.js';
import { settingsCommand } from './settings.js';
import { startCommand } from './start.js';
import { subscribeCommand } from './subscribe.js';
import { timeCommand } from './time.js';
import { topicsCommand } from './topics.js';
import { unsubscribeCommand } from './unsubscribe.js';
import { webloginCommand } from './weblogin.js';

export const commands: readonly AnyCommand[] = [
  startCommand,
  helpCommand,
  subscribeCommand,
  unsubscribeCommand,
  topicsCommand,
  timeCommand,
  settingsCommand,
  digestCommand,
  quotesCommand,
  speakersCommand,
  moreCommand,
  sourcesCommand,
  sourceCommand,
  webloginCommand,
  importCommand,
  exportCommand,
];
