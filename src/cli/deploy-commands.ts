/**
 * `quotewire deploy-commands [--guild ID]`: registers the slash commands with Discord now, from the
 * same `commands/` list the bot serves. `start` registers them too, but only when they changed
 * since the last registration; this forces it (after deleting commands by hand, say). `--guild`
 * registers in one server only, which shows at once: handy while testing.
 */
import { DiscordAPIError, REST } from 'discord.js';
import { commands } from '../../commands/index.js';
import { fetchApplicationId, syncDiscordCommands } from '../adapters/discord/discord-command-sync.js';
import { discordCommandList } from '../adapters/discord/discord-commands.js';
import { ConfigError, type AppConfig } from '../config/load-config.js';
import { describeError } from '../kernel/describe-error.js';
import { openStore } from '../store/open-store.js';
import type { CliArguments } from './arguments.js';
import { complain, print } from './output.js';

export async function runDeployCommandsCommand(config: AppConfig, args: CliArguments): Promise<number> {
  const token = config.secrets.discordToken;
  if (!token) {
    throw new ConfigError(
      'deploy-commands needs DISCORD_TOKEN: set it to the bot token (Developer Portal → your application → Bot)',
    );
  }
  const rest = new REST(config.endpoints.discordApiUrl ? { api: config.endpoints.discordApiUrl } : {});
  rest.setToken(token);
  const guildId = args.guild ?? config.discord.guildId;
  const store = await openStore(config.store.url);
  try {
    const applicationId = config.endpoints.discordApplicationId ?? (await fetchApplicationId(rest));
    await syncDiscordCommands(rest, { applicationId, guildId }, commands, store, { force: true });
  } catch (error) {
    const hint =
      error instanceof DiscordAPIError && error.status === 401
        ? 'check DISCORD_TOKEN'
        : error instanceof DiscordAPIError && error.status === 403 && guildId
          ? `invite the bot to server ${guildId} with the applications.commands scope first`
          : 'try again later';
    complain(`registering the slash commands failed (${describeError(error)}): ${hint}`);
    return 1;
  } finally {
    await store.close();
  }
  const count = discordCommandList(commands).length;
  print(
    guildId
      ? `Registered ${count} slash commands in server ${guildId}; they show at once.`
      : `Registered ${count} slash commands globally; Discord clients pick them up within minutes.`,
  );
  return 0;
}
