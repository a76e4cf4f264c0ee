/**
 * The model through the whole bot, hybrid mode, against the local OpenAI-compatible stub:
 * what gets stored, what gets asked, what the stub was sent, and what is never sent.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { plain } from "../../support/chat.js";
import { firstOf } from "../first.js";
import { type LlmWorld, llmWorld } from "./support/llm-world.js";
import { answer } from "./support/openai-stub.js";
import { GOOD, UNSURE } from "./support/unsure-report.js";

async function visits(world: LlmWorld) {
  return world.chat.database.db.visit.findMany({
    include: { lines: { orderBy: { id: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
}

describe("hybrid mode through the bot", () => {
  let world: LlmWorld;
  beforeEach(async () => {
    world = await llmWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("should store the model's grounded reading of a message the rules were unsure about", async () => {
    world.stub.queue(answer(GOOD));
    const replies = await world.chat.say("M01", UNSURE);

    expect(world.stub.requests).toHaveLength(1);
    const stored = await visits(world);
    expect(stored).toHaveLength(1);
    expect(firstOf(stored)).toMatchObject({ retailerId: "R002", managerId: "M01", date: "2026-11-25", feedback: true });
    expect(firstOf(stored).lines.map((l) => [l.kind, l.sku, l.qty, l.unit])).toEqual([["stock", "T001", 2, "carton"]]);
    expect(plain(replies)).toContain("老周副食店");
    // Provenance: the unit-complete stock line came from the model, and a log line says so.
    const fromModel = world.logs.filter((l) => l.msg === "fact from the model").map((l) => l.fact);
    expect(fromModel).toContain("stock:T001");
    const call = world.logs.find((l) => l.msg === "model answered");
    expect(call).toMatchObject({ tokensIn: 812, tokensOut: 64, prompt: "parse.v2", method: "jsonSchema" });
    expect(call!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(world.understand.metrics.snapshot()).toMatchObject({
      calls: 1,
      successes: 1,
      tokens: { input: 812, output: 64 },
    });
  });

  it("should send the contract as a strict JSON schema with only the plausible shops and products", async () => {
    world.stub.queue(answer(GOOD));
    await world.chat.say("M01", UNSURE);
    const body = firstOf(world.stub.requests);
    expect(body.model).toBe("qwen-test");
    expect(body.response_format.type).toBe("json_schema");
    expect(body.response_format.json_schema.strict).toBe(true);
    const schema = body.response_format.json_schema.schema;
    expect(schema.required).toEqual(["intent", "records"]);
    expect(JSON.stringify(schema)).not.toContain("oneOf");
    expect(schema.properties.records.items.anyOf.map((s: any) => s.properties.type.enum[0])).toEqual([
      "visit",
      "promotion",
    ]);

    const [system, user] = body.messages;
    expect(system.role).toBe("system");
    expect(user).toEqual({ role: "user", content: UNSURE });
    expect(system.content).toContain("R002 | 老周副食店");
    expect(system.content).toContain("T001 | 中华(硬)");
    expect(system.content).toContain("2026-11-25T17:40:00+08:00");
    // Nothing else from the roster: no other shop ids (M01 has 25 shops, the roster 180) and no people.
    const ids = [...JSON.stringify(body).matchAll(/R\d{3}/g)].map((m) => m[0]);
    expect(new Set(ids)).toEqual(new Set(["R002"]));
    expect(JSON.stringify(body)).not.toMatch(/老宋烟酒商行|王记小卖部|陈建华|王芳|M0\d|S0\d/);
  });

  it("should leave a message the rules were sure about alone: the model is not even called", async () => {
    const replies = await world.chat.say("M01", "王记 硬中华还有3条");
    expect(world.stub.requests).toHaveLength(0);
    const stored = await visits(world);
    expect(stored.map((v) => [v.retailerId, v.lines.map((l) => [l.sku, l.qty, l.unit])])).toEqual([
      ["R001", [["T001", 3, "carton"]]],
    ]);
    expect(plain(replies)).toContain("王记小卖部");
    expect(world.understand.metrics.snapshot().calls).toBe(0);
    expect(world.understand.metrics.snapshot().skipped).toBeGreaterThan(0);
  });

  it("should ask the model once per report, not again while the manager answers its questions", async () => {
    // The model invents nothing here but leaves the unit out: the bot must ask, then store.
    world.stub.queue(
      answer({ ...GOOD, records: [{ ...GOOD.records[0], stock: [{ sku: "T001", qty: 2, unit: null }] }] }),
    );
    const first = await world.chat.say("M01", UNSURE);
    expect(plain(first)).toContain("单位");
    expect(await visits(world)).toHaveLength(0);
    await world.chat.say("M01", "条");
    const stored = await visits(world);
    expect(firstOf(stored).lines.map((l) => [l.sku, l.qty, l.unit])).toEqual([["T001", 2, "carton"]]);
    expect(world.stub.requests).toHaveLength(1);
  });
});
