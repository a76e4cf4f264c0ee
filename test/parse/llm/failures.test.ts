/**
 * Every way the model side can fail ends in the rules' reading, in time: the manager gets the same
 * answer as without a model (here: the unit question), and the failure is counted and logged.
 */
import { afterEach, describe, expect, it } from "vitest";
import { plain } from "../../support/chat.js";
import { type LlmWorld, llmWorld } from "./support/llm-world.js";
import { answer, type CannedReply } from "./support/openai-stub.js";
import { GOOD, UNSURE } from "./support/unsure-report.js";

let world: LlmWorld;
afterEach(async () => {
  await world.close();
});

/** What the rules alone say to UNSURE: they ask for the unit of 硬中 2. */
function expectRulesAnswer(text: string) {
  expect(text).toContain("单位");
}

describe("model failures fall back to the rule parse", () => {
  const cases: [string, CannedReply, string][] = [
    ["malformed JSON", { content: '{"intent": "visit_log", "records": [' }, "malformed_json"],
    [
      "an answer outside the contract",
      answer({ intent: "visit_log", records: [{ type: "visit", retailer: "R002" }] }),
      "schema_invalid",
    ],
    ["an unknown intent", answer({ intent: "order_now", records: [] }), "schema_invalid"],
    ["a 500", { status: 500, error: "internal error" }, "http"],
    ["a 401", { status: 401, error: "bad key" }, "http"],
  ];
  for (const [name, reply, kind] of cases) {
    it(`should use the rules and count "${kind}" after ${name}`, async () => {
      world = await llmWorld();
      world.stub.queue(reply);
      const replies = await world.chat.say("M01", UNSURE);
      expectRulesAnswer(plain(replies));
      expect(await world.chat.database.db.visit.count()).toBe(0);
      expect(world.stub.requests).toHaveLength(1);
      const metrics = world.understand.metrics.snapshot();
      expect(metrics.failures[kind as keyof typeof metrics.failures]).toBe(1);
      expect(world.logs.find((l) => l.msg === "model failed; the rule parse is used")).toMatchObject({ failure: kind });
    });
  }

  it("should wait out a 429's Retry-After and then use the answer", async () => {
    world = await llmWorld();
    world.stub.queue({ status: 429, headers: { "retry-after": "0.3" }, error: "rate limited" }, answer(GOOD));
    const started = Date.now();
    await world.chat.say("M01", UNSURE);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(world.stub.requests).toHaveLength(2);
    const stored = await world.chat.database.db.visit.findMany({ include: { lines: true } });
    expect(stored.map((v) => [v.retailerId, v.lines.map((l) => [l.sku, l.qty, l.unit])])).toEqual([
      ["R002", [["T001", 2, "carton"]]],
    ]);
    expect(world.understand.metrics.snapshot()).toMatchObject({ retries: 1, successes: 1 });
  });

  it("should not wait for a Retry-After longer than the budget", async () => {
    world = await llmWorld({ timeoutMs: 1000 });
    world.stub.queue({ status: 429, headers: { "retry-after": "30" }, error: "rate limited" }, answer(GOOD));
    const started = Date.now();
    const replies = await world.chat.say("M01", UNSURE);
    expect(Date.now() - started).toBeLessThan(1000);
    expectRulesAnswer(plain(replies));
    expect(world.stub.requests).toHaveLength(1);
    expect(world.understand.metrics.snapshot().failures.rate_limited).toBe(1);
  });

  it("should stop retrying 429s after the attempt limit", async () => {
    world = await llmWorld({ maxAttempts: 2 });
    world.stub.fallback = { status: 429, headers: { "retry-after-ms": "50" }, error: "rate limited" };
    const replies = await world.chat.say("M01", UNSURE);
    expectRulesAnswer(plain(replies));
    expect(world.stub.requests).toHaveLength(2);
  });

  it("should answer with the rules within LLM_TIMEOUT_MS + 1 s when the model is slower", async () => {
    world = await llmWorld({ timeoutMs: 300 });
    await world.chat.say("M01", "谢谢"); // warm the parser cache: only the model's time is measured below
    world.stub.queue({ ...answer(GOOD), delayMs: 3000 });
    const started = Date.now();
    const replies = await world.chat.say("M01", UNSURE);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(300 + 1000);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expectRulesAnswer(plain(replies));
    expect(world.understand.metrics.snapshot().failures.timeout).toBe(1);
  });

  it("should answer with the rules at once when nothing listens at LLM_BASE_URL", async () => {
    world = await llmWorld();
    await world.stub.close();
    const replies = await world.chat.say("M01", UNSURE);
    expectRulesAnswer(plain(replies));
    expect(world.understand.metrics.snapshot().failures.network).toBe(1);
  });
});
