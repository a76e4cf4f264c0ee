/**
 * `cli parse --fixtures DIR --input FILE.jsonl`: the evaluation contract (DESIGN.md).
 * Loads DIR into a fresh temporary database through the normal import, then prints one
 * `{id, intent, records}` line per input line, in the FORMAT.md shape.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createParser, toFormat } from "../parse/index.js";
import { importRoster } from "../roster/import-roster.js";
import { openDatabase } from "../store/database.js";
import { RosterStore } from "../store/roster-store.js";

interface InputLine {
  id: string;
  sender: string;
  now: string;
  text: string;
}

export async function runParse(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { fixtures: { type: "string" }, input: { type: "string" }, llm: { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help || !values.fixtures || !values.input) {
    err.write("usage: cli parse --fixtures DIR --input FILE.jsonl [--llm]\n");
    return values.help ? 0 : 2;
  }
  if (values.llm) {
    err.write("cli parse --llm: the LLM parse path is not built yet; the offline parser is the only one available\n");
    return 2;
  }
  const lines = readInput(values.input, err);
  const scratch = mkdtempSync(join(tmpdir(), "fieldmate-parse-"));
  const database = await openDatabase(`file:${join(scratch, "parse.db")}`);
  try {
    await importRoster(database.db, values.fixtures);
    const parser = createParser(await new RosterStore(database.db).roster());
    for (const line of lines) {
      const result = toFormat(parser.parse({ text: line.text, senderId: line.sender, now: line.now }));
      out.write(JSON.stringify({ id: line.id, intent: result.intent, records: result.records }) + "\n");
    }
    return 0;
  } finally {
    await database.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

function readInput(path: string, err: NodeJS.WritableStream): InputLine[] {
  const lines: InputLine[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      try {
        const line = JSON.parse(raw) as Partial<InputLine>;
        if (typeof line.text !== "string" || typeof line.sender !== "string" || typeof line.now !== "string") {
          throw new Error("needs text, sender and now");
        }
        lines.push({ id: String(line.id ?? i + 1), sender: line.sender, now: line.now, text: line.text });
      } catch (error) {
        err.write(`${path}:${i + 1}: skipped: ${(error as Error).message}\n`);
      }
    });
  return lines;
}
