/**
 * PARSE_MODE=llm (the model reads every message), the function-calling fallback for endpoints
 * without json_schema, and `cli parse --llm`, all against the local stub.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runParse } from "../../../src/cli/parse-command.js";
import { TEST_ROSTER } from "../../support/fixtures.js";
import { firstOf } from "../first.js";
import { type LlmWorld, llmWorld } from "./support/llm-world.js";
import { modelVisit } from "./support/model-visit.js";
import { answer, type OpenAiStub, startOpenAiStub } from "./support/openai-stub.js";

const SURE = "王记 硬中华还有3条";
const MODEL_VISIT = modelVisit({
  retailer: "R001",
  activities: ["stock_check"],
  stock: [{ sku: "T001", qty: 3, unit: "carton" }],
});

describe("llm mode", () => {
  let world: LlmWorld;
  afterEach(async () => {
    await world.close();
  });

  it("should ask the model even when the rules were sure, and store its grounded reading", async () => {
    world = await llmWorld({ mode: "llm" });
    world.stub.fallback = answer({ intent: "visit_log", records: [MODEL_VISIT] });
    await world.chat.say("M01", SURE);
    expect(world.stub.requests.length).toBe(1);
    const stored = await world.chat.database.db.visit.findMany({ include: { lines: true } });
    expect(stored.map((v) => [v.retailerId, v.managerId, v.lines.map((l) => [l.sku, l.qty, l.unit])])).toEqual([
      ["R001", "M01", [["T001", 3, "carton"]]],
    ]);
  });

  it("should fall back to the rules' shop when the model's cannot be grounded", async () => {
    world = await llmWorld({ mode: "llm" });
    world.stub.fallback = answer({ intent: "visit_log", records: [{ ...MODEL_VISIT, retailer: "R404" }] });
    await world.chat.say("M01", SURE);
    const stored = await world.chat.database.db.visit.findMany();
    expect(stored.map((v) => v.retailerId)).toEqual(["R001"]);
  });

  it("should send the schema as a forced tool call with method functionCalling", async () => {
    world = await llmWorld({ mode: "llm", method: "functionCalling" });
    world.stub.fallback = { toolArguments: JSON.stringify({ intent: "visit_log", records: [MODEL_VISIT] }) };
    await world.chat.say("M01", SURE);
    const body = firstOf(world.stub.requests);
    expect(body.response_format).toBeUndefined();
    expect(body.tools[0].function.name).toBe("fieldmate_parse");
    expect(body.tools[0].function.parameters.required).toEqual(["intent", "records"]);
    expect(body.tool_choice).toEqual({ type: "function", function: { name: "fieldmate_parse" } });
    expect(await world.chat.database.db.visit.count()).toBe(1);
    expect(world.understand.metrics.snapshot().successes).toBeGreaterThan(0);
  });
});

describe("cli parse --llm", () => {
  let stub: OpenAiStub;
  const saved = { ...process.env };
  afterEach(async () => {
    process.env = { ...saved };
    await stub.close();
  });

  function sink() {
    let text = "";
    const stream = new Writable({
      write: (chunk, _enc, done) => {
        text += chunk;
        done();
      },
    });
    return { stream, text: () => text };
  }

  it("should print the model's reading of each line in the FORMAT.md shape, and stay offline without --llm", async () => {
    stub = await startOpenAiStub();
    stub.fallback = answer({ intent: "visit_log", records: [MODEL_VISIT] });
    Object.assign(process.env, {
      LLM_BASE_URL: stub.baseURL,
      LLM_MODEL: "qwen-test",
      LLM_API_KEY: "k",
      LLM_TIMEOUT_MS: "3000",
    });
    const input = join(mkdtempSync(join(tmpdir(), "fieldmate-llm-cli-")), "in.jsonl");
    writeFileSync(
      input,
      [
        { id: "x1", sender: "M01", now: "2026-11-25T17:40:00+08:00", text: SURE },
        { id: "x2", sender: "M01", now: "2026-11-25T17:40:00+08:00", text: "王记 硬中华还有三条" },
      ]
        .map((l) => JSON.stringify(l))
        .join("\n"),
    );

    const out = sink();
    const err = sink();
    expect(await runParse(["--fixtures", TEST_ROSTER, "--input", input, "--llm"], out.stream, err.stream)).toBe(0);
    const lines = out
      .text()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["x1", "x2"]);
    expect(lines[0]).toEqual({ id: "x1", intent: "visit_log", records: [MODEL_VISIT] });
    expect(stub.requests).toHaveLength(2);
    expect(err.text()).toContain('"successes":2');

    const offline = sink();
    expect(await runParse(["--fixtures", TEST_ROSTER, "--input", input], offline.stream, sink().stream)).toBe(0);
    expect(stub.requests).toHaveLength(2);
    expect(offline.text().trim().split("\n")).toHaveLength(2);
  });
});
