/**
 * `cli parse --fixtures DIR --input FILE.jsonl`: the evaluation contract (DESIGN.md).
 * Loads DIR into a fresh temporary database through the normal import, then prints one
 * `{id, intent, records}` line per input line, in the FORMAT.md shape (records the bot would ask
 * about before storing them carry `"ask": true`). With `--llm` the model
 * configured in the environment reads every message (or, with `--mode hybrid`, the unsure ones).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Config, loadConfig } from "../config/config.js";
import { recordsToAsk } from "../parse/ask.js";
import { createParser, type ParseResult, toFormat } from "../parse/index.js";
import type { StructuredMethod } from "../parse/llm/index.js";
import { importRoster } from "../roster/import-roster.js";
import { openDatabase } from "../store/database.js";
import { RosterStore } from "../store/roster-store.js";

interface InputLine {
  id: string;
  sender: string;
  now: string;
  text: string;
}

export async function runParse(
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      fixtures: { type: "string" },
      input: { type: "string" },
      llm: { type: "boolean" },
      mode: { type: "string" },
      "llm-method": { type: "string" },
      concurrency: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help || !values.fixtures || !values.input) {
    err.write(
      "usage: cli parse --fixtures DIR --input FILE.jsonl [--llm [--mode llm|hybrid] [--llm-method jsonSchema|functionCalling|jsonMode] [--concurrency N]]\n" +
        "  --llm reads with the model configured by LLM_BASE_URL, LLM_API_KEY, LLM_MODEL, LLM_TIMEOUT_MS (default mode: llm, every message)\n",
    );
    return values.help ? 0 : 2;
  }
  const llm = values.llm ? await llmOptions(values, err) : null;
  if (values.llm && !llm) return 2;
  const lines = readInput(values.input, err);
  const scratch = mkdtempSync(join(tmpdir(), "fieldmate-parse-"));
  const database = await openDatabase(`file:${join(scratch, "parse.db")}`);
  try {
    await importRoster(database.db, values.fixtures);
    const roster = await new RosterStore(database.db).roster();
    const parser = createParser(roster);
    if (!llm) {
      for (const line of lines) {
        out.write(outputLine(line.id, parser.parse({ text: line.text, senderId: line.sender, now: line.now })));
      }
      return 0;
    }
    // Logs go to stderr so stdout stays one JSON line per message for the scorer.
    const logger = llm.createLogger(llm.config.LOG_LEVEL === "info" ? "warn" : llm.config.LOG_LEVEL, {
      write: (s: string) => void err.write(s),
    });
    const understand = llm.createUnderstand(llm.config, logger, roster, { method: llm.method });
    for (let i = 0; i < lines.length; i += llm.concurrency) {
      const batch = lines.slice(i, i + llm.concurrency);
      const read = await Promise.all(
        batch.map(async (line) => ({
          id: line.id,
          result: await understand({ text: line.text, senderId: line.sender, now: line.now }, parser),
        })),
      );
      for (const { id, result } of read) out.write(outputLine(id, result));
    }
    err.write(`llm: ${JSON.stringify(understand.metrics.snapshot())}\n`);
    return 0;
  } finally {
    await database.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The model settings for --llm, from the environment (.env included) and the flags; null after an explained error.
 * The model client (LangChain) is loaded only here: a parse without --llm starts without it.
 */
async function llmOptions(
  values: { mode?: string; "llm-method"?: string; concurrency?: string },
  err: NodeJS.WritableStream,
) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    err.write(`${(error as Error).message}\n`);
    return null;
  }
  if (!config.LLM_BASE_URL) {
    err.write("cli parse --llm: set LLM_BASE_URL (and LLM_MODEL, LLM_API_KEY) to an OpenAI-compatible endpoint\n");
    return null;
  }
  const [{ createUnderstand, STRUCTURED_METHODS }, { createLogger }] = await Promise.all([
    import("../parse/llm/index.js"),
    import("../log.js"),
  ]);
  const mode = values.mode ?? "llm";
  const method = values["llm-method"] ?? "jsonSchema";
  const concurrency = Number(values.concurrency ?? 4);
  const problem =
    mode !== "llm" && mode !== "hybrid"
      ? "--mode must be llm or hybrid"
      : !STRUCTURED_METHODS.includes(method as StructuredMethod)
        ? `--llm-method must be one of ${STRUCTURED_METHODS.join(", ")}`
        : !Number.isInteger(concurrency) || concurrency < 1
          ? "--concurrency must be a whole number of at least 1"
          : null;
  if (problem) {
    err.write(`${problem}\n`);
    return null;
  }
  return {
    config: { ...config, PARSE_MODE: mode } as Config,
    method: method as StructuredMethod,
    concurrency,
    createUnderstand,
    createLogger,
  };
}

/** One FORMAT.md line: a record carries `"ask": true` when the conversation would ask about it before storing it. */
function outputLine(id: string, result: ParseResult): string {
  const format = toFormat(result);
  const asked = recordsToAsk(result);
  const records = format.records.map((r, i) => (asked[i] ? { ...r, ask: true } : r));
  return `${JSON.stringify({ id, intent: format.intent, records })}\n`;
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
