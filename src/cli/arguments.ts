import { parseArgs } from 'node:util';

export const USAGE = `Usage: quotewire <command> [options]

Commands:
  start                          run the bot: polls sources; terminal chat when no bot token is set
  extract <path-or-url>...       print the articles of files, folders, pages or feeds
      [--sentences N] [--json]
  digest [--since 24h] [--topic T] [--json]
                                 print the digest from the store
  quotes <name> [words...] [--json]
                                 print what a person said, from the store
  sources [--json]               list the sources and their status
  poll                           poll every source once now, then exit
  health                         exit 0 when the service on this host is alive (for health checks)
  deploy-commands [--guild ID]   register the Discord slash commands now (needs DISCORD_TOKEN)
  help                           this text

Every command takes --config <file> (default: config/quotewire.yaml, or QUOTEWIRE_CONFIG).`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type CliCommand =
  'start' | 'extract' | 'digest' | 'quotes' | 'sources' | 'poll' | 'health' | 'deploy-commands' | 'help';

export interface CliArguments {
  command: CliCommand;
  positionals: string[];
  config: string | null;
  json: boolean;
  sentences: number | null;
  sinceHours: number | null;
  topic: string | null;
  /** deploy-commands: register in this Discord server only. */
  guild: string | null;
}

const COMMANDS: readonly CliCommand[] = [
  'start',
  'extract',
  'digest',
  'quotes',
  'sources',
  'poll',
  'health',
  'deploy-commands',
  'help',
];

/** Parses the command line; a mistake raises UsageError with a sentence saying what is wrong. */
export function parseCliArguments(argv: string[]): CliArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        json: { type: 'boolean', default: false },
        sentences: { type: 'string' },
        since: { type: 'string' },
        topic: { type: 'string' },
        guild: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [first, ...positionals] = parsed.positionals;
  const command = parsed.values.help || first === undefined ? 'help' : first;
  if (!COMMANDS.includes(command as CliCommand)) throw new UsageError(`unknown command "${command}"`);
  const sentences = parsed.values.sentences === undefined ? null : Number(parsed.values.sentences);
  if (sentences !== null && !(Number.isInteger(sentences) && sentences >= 1 && sentences <= 20)) {
    throw new UsageError(`--sentences takes a whole number from 1 to 20, not "${parsed.values.sentences}"`);
  }
  if ((command === 'extract' || command === 'quotes') && positionals.length === 0) {
    throw new UsageError(
      command === 'extract' ? 'extract needs at least one path or URL' : 'quotes needs a name',
    );
  }
  return {
    command: command as CliCommand,
    positionals,
    config: parsed.values.config ?? null,
    json: parsed.values.json,
    sentences,
    sinceHours: parsed.values.since === undefined ? null : parseDuration(parsed.values.since),
    topic: parsed.values.topic ?? null,
    guild: parseGuild(parsed.values.guild),
  };
}

function parseGuild(text: string | undefined): string | null {
  if (text === undefined) return null;
  if (!/^\d{15,21}$/.test(text)) {
    throw new UsageError(
      `--guild takes a server id (digits; Discord: Developer Mode on, right-click the server, Copy Server ID), not "${text}"`,
    );
  }
  return text;
}

/** "24h", "90m", "7d" or a bare number of hours → hours. */
function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([mhd]?)$/i.exec(text.trim());
  if (!match) throw new UsageError(`--since takes a duration such as 24h, 90m or 7d, not "${text}"`);
  const value = Number(match[1]);
  const unit = (match[2] ?? 'h').toLowerCase();
  return unit === 'm' ? value / 60 : unit === 'd' ? value * 24 : value;
}
