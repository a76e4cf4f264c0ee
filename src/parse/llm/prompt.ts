/**
 * The system prompt: a versioned file from prompts/ (one per language, reviewed like code, not a
 * string buried here) with the message's context filled in. Only `{{name}}` placeholders are
 * replaced, once, so braces in shop names or the JSON examples are left alone.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isoWeekday } from "../../domain/calendar.js";
import type { Lang } from "../../domain/roster.js";
import { messagesFor } from "../../locales/index.js";
import { parseLocaleFor } from "../locale.js";
import type { Candidates } from "./candidates.js";

export const PROMPT_VERSION = "parse.v2";
const PROMPTS_DIR = fileURLToPath(new URL("../../../prompts/", import.meta.url));

export interface PromptInput {
  lang: Lang;
  now: string;
  today: string;
  candidates: Candidates;
}

const files = new Map<string, string>();

function template(lang: Lang, dir: string): string {
  const path = `${dir}/${PROMPT_VERSION}.${lang}.md`;
  let text = files.get(path);
  if (text === undefined) {
    text = readFileSync(path, "utf8");
    files.set(path, text);
  }
  return text;
}

const rows = (items: string[][], none: string) =>
  items.length ? items.map((cells) => `  - ${cells.join(" | ")}`).join("\n") : `  - ${none}`;

export function buildSystemPrompt(input: PromptInput, dir = PROMPTS_DIR): string {
  const { lang, candidates } = input;
  const words = parseLocaleFor(lang).prompt;
  const values: Record<string, string> = {
    now: input.now,
    today: input.today,
    weekday: messagesFor(lang).format.weekday(isoWeekday(input.today)),
    lang: words.language,
    shops: rows(
      candidates.shops.map((s) => [s.id, s.name, s.aliases.join(", ")]),
      words.none,
    ),
    products: rows(
      candidates.products.map((p) => [p.sku, p.name, p.aliases.join(", ")]),
      words.none,
    ),
  };
  return template(lang, dir).replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
