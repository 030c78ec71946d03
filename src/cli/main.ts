#!/usr/bin/env node
/**
 * The `quotewire` executable: `start` runs the bot, the other subcommands answer once and exit.
 * Only this entry point touches process.argv, process.env and the exit code.
 */
import { ConfigError, loadConfig } from '../config/load-config.js';
import { StoreError } from '../store/store.js';
import { describeError } from '../kernel/describe-error.js';
import {
  runDigestCommand,
  runHealthCommand,
  runPollCommand,
  runQuotesCommand,
  runSourcesCommand,
} from './store-commands.js';
import { runExtractCommand } from './extract-command.js';
import { runStartCommand } from './start-command.js';
import { complain, print } from './output.js';
import { parseCliArguments, UsageError, USAGE } from './arguments.js';

async function main(argv: string[]): Promise<number> {
  const args = parseCliArguments(argv);
  if (args.command === 'help') {
    print(USAGE);
    return 0;
  }
  const config = loadConfig({ file: args.config, env: process.env });
  switch (args.command) {
    case 'start':
      return runStartCommand(config, args);
    case 'extract':
      return runExtractCommand(config, args);
    case 'digest':
      return runDigestCommand(config, args);
    case 'quotes':
      return runQuotesCommand(config, args);
    case 'sources':
      return runSourcesCommand(config, args);
    case 'poll':
      return runPollCommand(config, args);
    case 'health':
      return runHealthCommand(config, args);
    case 'deploy-commands':
      // discord.js takes about a second to load: only the commands that talk to Discord pay for it.
      return (await import('./deploy-commands.js')).runDeployCommandsCommand(config, args);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      complain(`${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof ConfigError || error instanceof StoreError) {
      complain(error.message);
      process.exitCode = 2;
    } else {
      complain(`unexpected error: ${describeError(error)}`);
      if (process.env.QUOTEWIRE_DEBUG) console.error(error);
      process.exitCode = 1;
    }
  },
);
