/**
 * `/fieldmate plan|status|help`: each subcommand is what the person would have typed, in their
 * language, so the core answers it exactly as a typed question. Anything else after the command
 * ("/fieldmate 张记 中华断货") is passed on as typed.
 */
import type { Lang } from "../../domain/roster.js";

const SUBCOMMANDS: Record<string, Record<Lang, string>> = {
  plan: { zh: "今天去哪几家", en: "what's my plan" },
  status: { zh: "团队今天情况", en: "team status" },
  help: { zh: "help", en: "help" },
};

const ALIASES: Record<string, keyof typeof SUBCOMMANDS> = {
  plan: "plan",
  today: "plan",
  计划: "plan",
  今天: "plan",
  status: "status",
  team: "status",
  团队: "status",
  情况: "status",
  help: "help",
  帮助: "help",
  "?": "help",
};

/** The text the core receives for the command's argument text. */
export function slashCommandText(argument: string, lang: Lang): string {
  const trimmed = argument.trim();
  if (!trimmed) return SUBCOMMANDS.help![lang];
  const key = ALIASES[trimmed.toLowerCase()];
  return key ? SUBCOMMANDS[key]![lang] : trimmed;
}
