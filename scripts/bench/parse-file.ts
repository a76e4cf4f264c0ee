/**
 * Parses an eval-style JSONL file with the offline parser, reading the roster straight from
 * CSV fixtures (no database): the fallback for scripts/eval while `cli parse` is not there.
 *   npx tsx scripts/bench/parse-file.ts --fixtures DIR --input FILE.jsonl > PRED.jsonl
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createParser, toFormat } from "../../src/parse/index.js";
import { readRosterDir } from "../../src/roster/roster-files.js";

const { values } = parseArgs({ options: { fixtures: { type: "string" }, input: { type: "string" } } });
if (!values.fixtures || !values.input) {
  process.stderr.write("usage: parse-file.ts --fixtures DIR --input FILE.jsonl\n");
  process.exit(2);
}
const parser = createParser(readRosterDir(values.fixtures));
for (const raw of readFileSync(values.input, "utf8").split("\n")) {
  if (!raw.trim()) continue;
  const line = JSON.parse(raw) as { id: string; sender: string; now: string; text: string };
  const out = toFormat(parser.parse({ text: line.text, senderId: line.sender, now: line.now }));
  process.stdout.write(JSON.stringify({ id: line.id, intent: out.intent, records: out.records }) + "\n");
}
