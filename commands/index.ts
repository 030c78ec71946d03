/**
 * Every chat command, listed explicitly: adapters (terminal, Telegram, Discord) register exactly
 * these, in this order.
 */
import type { AnyCommand } from '../src/chat/command-definition.js';
import { digestCommand } from './digest.js';
import { filterCommand } from './filter.js';
import { followCommand } from './follow.js';
import { followingCommand } from './following.js';
import { modeCommand } from './mode.js';
import { scheduleCommand } from './schedule.js';
import { unfollowCommand } from './unfollow.js';
import { helpCommand } from './help.js';
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
];
