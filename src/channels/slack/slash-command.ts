/**
 * `/fieldmate plan|status|help`: each subcommand is what the person would have typed, in their
 * language, so the core answers it exactly as a typed question. The subcommand may be given in any
 * language (`/fieldmate 计划`); anything else after the command ("/fieldmate 张记 中华断货") is
 * passed on as typed.
 */
import { LANGS } from "../../domain/roster.js";
import { type Messages, messagesFor } from "../../locales/index.js";
import type { SlashCommand } from "../../locales/messages/channels.js";

const SUBCOMMANDS: readonly SlashCommand[] = ["plan", "status", "help"];

/** Every word for a subcommand in every language, lower-cased. */
const ALIASES: ReadonlyMap<string, SlashCommand> = new Map(
  LANGS.flatMap((lang) =>
    SUBCOMMANDS.flatMap((command) =>
      [command, ...messagesFor(lang).channels.slashAliases[command]].map(
        (word) => [word.toLowerCase(), command] as const,
      ),
    ),
  ),
);

/** The text the core receives for the command's argument text, in the person's language `t`. */
export function slashCommandText(argument: string, t: Messages): string {
  const trimmed = argument.trim();
  if (!trimmed) return t.channels.slashCommands.help;
  const command = ALIASES.get(trimmed.toLowerCase());
  return command ? t.channels.slashCommands[command] : trimmed;
}
