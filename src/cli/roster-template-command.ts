/** `cli roster-template DIR [--lang zh|en] [--force]`: writes the .xlsx roster template into DIR. */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { LANGS, type Lang } from "../domain/roster.js";
import { TEMPLATE_FILE, writeRosterTemplate } from "../roster/roster-template.js";

const USAGE = "usage: cli roster-template DIR [--lang zh|en] [--force]";

export async function runRosterTemplate(
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  let parsed: { values: { lang?: string; force?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { lang: { type: "string" }, force: { type: "boolean" } },
    });
  } catch (error) {
    err.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [dir] = parsed.positionals;
  const lang = parsed.values.lang ?? "zh";
  if (!dir || !(LANGS as readonly string[]).includes(lang)) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  if (existsSync(join(dir, TEMPLATE_FILE)) && !parsed.values.force) {
    err.write(`${join(dir, TEMPLATE_FILE)} already exists; --force replaces it\n`);
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  const path = await writeRosterTemplate(dir, lang as Lang);
  out.write(`${path}\n`);
  return 0;
}
