#!/usr/bin/env node
/**
 * The `quotewire` executable: `start` runs the bot, the other subcommands answer once and exit.
 * Only this entry point touches process.argv, process.env and the exit code.
 */
import { ConfigError, loadConfig, type AppConfig } from '../config/load-config.js';
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
import { complain, endQuietlyWhenOutputCloses, print } from './output.js';
import { parseCliArguments, UsageError, type CliArguments } from './arguments.js';
import { commandHelp, generalHelp } from './cli-commands.js';
import { packageVersion } from './package-version.js';

/** How long the process may take to end by itself once its command has returned. */
const EXIT_GRACE_MS = 2_000;

/** Runs one command line and returns the exit code: 0 done, 1 some input failed, 2 a mistake to fix. */
async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // Known only once the configuration is read; until then no stack trace is shown.
  let debug = false;
  try {
    const args = parseCliArguments(argv);
    if (args.command === 'help') {
      print(args.helpFor ? commandHelp(args.helpFor) : generalHelp());
      return 0;
    }
    if (args.command === 'version') {
      print(`quotewire ${packageVersion()}`);
      return 0;
    }
    const config = loadConfig({ file: args.config, env });
    debug = config.debug;
    return await runCommand(config, { ...args, command: args.command });
  } catch (error) {
    if (error instanceof UsageError) {
      complain(`${error.message} (run ${error.pointer})`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof StoreError) {
      complain(error.message);
      return 2;
    }
    complain(`unexpected error: ${describeError(error)}`);
    if (debug) console.error(error);
    return 1;
  }
}

function runCommand(
  config: AppConfig,
  args: CliArguments & { command: Exclude<CliArguments['command'], 'help' | 'version'> },
): Promise<number> {
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
      return import('./deploy-commands.js').then(({ runDeployCommandsCommand }) =>
        runDeployCommandsCommand(config, args),
      );
  }
}

// Nobody reads the output any more (`| head -1`): `start` stops as on SIGTERM, finishing the work in
// flight; a one-shot command finishes without printing and exits with its own code.
endQuietlyWhenOutputCloses(() => {
  if (process.listenerCount('SIGTERM') > 0) process.kill(process.pid, 'SIGTERM');
});
main(process.argv.slice(2), process.env).then((code) => {
  process.exitCode = code;
  // The command is over: a handle something left open (a timer, a worker, standard input) must not
  // keep the process running, deaf to the SIGTERM its handler already took.
  setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
});
