/**
 * Translates Discord interactions into the shared command runner and renders its replies: slash
 * commands (deferred when they may outlast Discord's 3 seconds), autocomplete of option values,
 * and "More" buttons that page long answers. No command logic lives here.
 */
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { Logger } from '../../kernel/logger.js';
import type { Services } from '../../chat/services.js';
import type { AnyCommand, OptionSpec } from '../../chat/command-definition.js';
import { checkCommand, runCommand, runNextPage } from '../../chat/command-runner.js';
import { slowDownText, type FloodGuard } from '../../chat/flood-guard.js';
import { usage } from '../../chat/command-parser.js';
import { suggestOptionValues } from '../../chat/option-suggestions.js';
import { noMentions, renderDiscordMessages, type DiscordMessage } from './render-discord.js';
import { reply, type Reply } from '../../chat/reply.js';
import { describeError } from '../../kernel/describe-error.js';
import { discordCaller } from './discord-caller.js';

/** What the interaction handler needs; the adapter builds it. */
export interface InteractionDeps {
  services: Services;
  logger: Logger;
  operators: ReadonlySet<string>;
  /** A command not declared slow that is still running after this long is deferred (Discord allows 3 s). */
  deferAfterMs?: number;
  /** The per-user rate limit on commands and buttons. */
  flood?: FloodGuard;
  /** True once the adapter is stopping: new interactions are answered "restarting" and not run. */
  stopping?: () => boolean;
}

/** The answer to an interaction that arrives while Quotewire stops (Discord does not deliver it again). */
export const RESTARTING = 'Quotewire is restarting: try again in a minute.';

const MORE_PREFIX = 'more:';
/** Discord's maximum of autocomplete choices, and of a choice's name and value. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/** Handles one interaction; never throws (failures are logged, and the user told when possible). */
export function discordInteractionHandler(
  deps: InteractionDeps,
): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      if (
        (interaction.isChatInputCommand() || interaction.isButton()) &&
        !(await admitted(interaction, deps))
      )
        return;
      if (interaction.isChatInputCommand()) await onCommand(interaction, deps);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction, deps);
      else if (interaction.isButton() && interaction.customId.startsWith(MORE_PREFIX)) {
        await onMore(interaction, deps);
      }
    } catch (error) {
      deps.logger.error(`discord: interaction ${interaction.id} failed: ${describeError(error)}`);
    }
  };
}

/**
 * Whether an interaction may run: not while stopping, and within the user's rate limit. The one
 * "slow down" of a burst is ephemeral; further ones in the burst get no answer at all (Discord then
 * shows that user alone that the bot did not respond).
 */
async function admitted(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  deps: InteractionDeps,
): Promise<boolean> {
  if (deps.stopping?.()) {
    await interaction.reply(privately(reply.privateText(RESTARTING)));
    return false;
  }
  const verdict = deps.flood?.check(`discord:${interaction.user.id}`) ?? 'run';
  if (verdict === 'warn') await interaction.reply(privately(reply.privateText(slowDownText(deps.flood!))));
  return verdict === 'run';
}

async function onCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const { services } = deps;
  const command = services.commands.find((candidate) => candidate.name === interaction.commandName);
  if (!command) {
    await interaction.reply(
      privately(
        reply.privateText(
          `/${interaction.commandName} is not a command of this bot any more. Ask its operator to run "quotewire deploy-commands".`,
        ),
      ),
    );
    return;
  }
  const caller = discordCaller(interaction, deps.operators);
  const options = readOptions(command, interaction);
  if ('reply' in options) {
    await sendAnswer(interaction, options.reply, null);
    return;
  }
  // A refusal is answered before any deferral: a deferred reply is public, and cannot become
  // ephemeral afterwards, while a refusal is for the caller alone.
  const refused = await checkCommand(command, options.values, caller);
  if (refused) {
    await sendAnswer(interaction, refused, null);
    return;
  }
  let deferral: Promise<unknown> | null = null;
  let timer: NodeJS.Timeout | null = null;
  if (command.slow) deferral = interaction.deferReply();
  else {
    timer = setTimeout(() => (deferral = interaction.deferReply()), deps.deferAfterMs ?? 2_000);
  }
  let answer: Reply;
  try {
    answer = await runCommand(command, options.values, caller, services);
  } finally {
    if (timer) clearTimeout(timer);
  }
  await sendAnswer(interaction, answer, deferral);
}

/**
 * Sends a command's answer: as the reply, or into the deferred reply. A private answer after a
 * (public) deferral replaces the "thinking…" message with an ephemeral follow-up.
 */
async function sendAnswer(
  interaction: ChatInputCommandInteraction,
  answer: Reply,
  deferral: Promise<unknown> | null,
): Promise<void> {
  const messages = withMoreButton(renderDiscordMessages(answer, { moreHint: null }), answer);
  const [first, ...rest] = answer.private ? messages.map(ephemeral) : messages;
  if (deferral) {
    await deferral;
    if (answer.private) {
      await interaction.deleteReply();
      await interaction.followUp(first!);
    } else await interaction.editReply(first!);
  } else {
    await interaction.reply(first!);
  }
  for (const message of rest) await interaction.followUp(message);
}

/** Reads the typed options Discord sends, or the reply saying which required one is missing. */
function readOptions(
  command: AnyCommand,
  interaction: ChatInputCommandInteraction,
): { values: Record<string, string | number | undefined> } | { reply: Reply } {
  const values: Record<string, string | number | undefined> = {};
  for (const [name, spec] of Object.entries(command.options as Record<string, OptionSpec>)) {
    const value = interaction.options.get(name)?.value;
    if (value === undefined || value === null || value === '') {
      // Discord enforces required options, unless the registered commands are out of date.
      if (spec.required)
        return { reply: reply.privateText(`/${command.name} needs <${name}>. Usage: ${usage(command)}`) };
      continue;
    }
    values[name] = spec.type === 'integer' ? Number(value) : String(value);
  }
  return { values };
}

/** A message only the interaction's user sees. */
function ephemeral<M extends DiscordMessage>(message: M): M & { flags: MessageFlags.Ephemeral } {
  return { ...message, flags: MessageFlags.Ephemeral };
}

/** A short private reply as one ephemeral message. */
function privately(answer: Reply): DiscordMessage & { flags: MessageFlags.Ephemeral } {
  return ephemeral(renderDiscordMessages(answer, { moreHint: null })[0]!);
}

async function onAutocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  const command = deps.services.commands.find((candidate) => candidate.name === interaction.commandName);
  const focused = interaction.options.getFocused(true);
  const source = (command?.options as Record<string, OptionSpec> | undefined)?.[focused.name]?.autocomplete;
  const values = source
    ? await suggestOptionValues(source, String(focused.value), deps.services, MAX_CHOICES)
    : [];
  await interaction.respond(
    values.filter((value) => value.length <= MAX_CHOICE_LENGTH).map((value) => ({ name: value, value })),
  );
}

async function onMore(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  // The next page may take a moment to read; the button's message is then edited in place.
  await interaction.deferUpdate();
  const token = interaction.customId.slice(MORE_PREFIX.length);
  const answer = await runNextPage(token, discordCaller(interaction, deps.operators), deps.services);
  const [first, ...rest] = withMoreButton(renderDiscordMessages(answer, { moreHint: null }), answer);
  await interaction.editReply(first!);
  for (const message of rest) await interaction.followUp(message);
}

/** A message with a "More" button row, as discord.js's reply options take it. */
type ButtonMessage = DiscordMessage & { components?: APIActionRowComponent<APIButtonComponent>[] };

/**
 * Puts the "More" button under the last message of a paged answer (its custom id carries the page
 * token), and makes sure there is a message at all: Discord refuses an empty one.
 */
function withMoreButton(messages: DiscordMessage[], answer: Reply): ButtonMessage[] {
  const all: ButtonMessage[] = messages.length ? messages : [{ content: '…', allowedMentions: noMentions() }];
  if (!answer.more) return all;
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'More ›',
        custom_id: `${MORE_PREFIX}${answer.more.token}`,
      },
    ],
  };
  const last = all.length - 1;
  return all.map((message, index) => (index === last ? { ...message, components: [row] } : message));
}
