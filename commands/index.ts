/**
 * Every chat command, listed explicitly: adapters (terminal, Telegram, Discord) register exactly
 * these, in this order.
 */
import type { AnyCommand } from '../src/chat/command-definition.js';
import { digestCommand } from './digest.js';
import { exportCommand } from './export.js';
import { filterCommand } from './filter.js';
import { followCommand } from './follow.js';
import { followingCommand } from './following.js';
import { helpCommand } from './help.js';
import { importCommand } from './import.js';
import { modeCommand } from './mode.js';
import { moreCommand } from './more.js';
import { quotesCommand } from './quotes.js';
import { scheduleCommand } from './schedule.js';
import { settingsCommand } from './settings.js';
import { sourceCommand } from './source.js';
import { sourcesCommand } from './sources.js';
import { speakersCommand } from './speakers.js';
import { startCommand } from './start.js';
import { subscribeCommand } from './subscribe.js';
import { timeCommand } from './time.js';
import { topicsCommand } from './topics.js';
import { unfollowCommand } from './unfollow.js';
import { unsubscribeCommand } from './unsubscribe.js';
import { webloginCommand } from './weblogin.js';

export const commands: readonly AnyCommand[] = [
  startCommand,
  helpCommand,
  subscribeCommand,
  unsubscribeCommand,
  topicsCommand,
  timeCommand,
  scheduleCommand,
  modeCommand,
  filterCommand,
  settingsCommand,
  digestCommand,
  quotesCommand,
  speakersCommand,
  followCommand,
  unfollowCommand,
  followingCommand,
  moreCommand,
  sourcesCommand,
  sourceCommand,
  webloginCommand,
  importCommand,
  exportCommand,
];
