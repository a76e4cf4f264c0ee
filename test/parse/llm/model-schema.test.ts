/** The schema sent to the model is the contract's, in the spelling strict mode accepts. */
import { describe, expect, it } from "vitest";
import { formatParseSchema } from "../../../src/domain/records.js";
import { classifyFailure, retryAfterMs } from "../../../src/parse/llm/failures.js";
import { modelJsonSchema, SchemaInvalidError, validateAnswer } from "../../../src/parse/llm/model-schema.js";

describe("modelJsonSchema", () => {
  const schema = modelJsonSchema() as any;
  it("should close every object and require every field", () => {
    const walk = (node: any): void => {
      if (!node || typeof node !== "object") return;
      if (node.type === "object") {
        expect(node.additionalProperties).toBe(false);
        expect([...node.required].sort()).toEqual(Object.keys(node.properties).sort());
      }
      Object.values(node).forEach(walk);
    };
    walk(schema);
  });
  it("should use anyOf and enum, never oneOf or const", () => {
    const text = JSON.stringify(schema);
    expect(text).not.toMatch(/"oneOf"|"const"|"\$schema"/);
  });
  it("should accept exactly what formatParseSchema accepts", () => {
    const ok = { intent: "other", records: [] };
    expect(validateAnswer(ok)).toEqual(formatParseSchema.parse(ok));
    expect(() => validateAnswer({ intent: "other" })).toThrow(SchemaInvalidError);
  });
  it("should strip fields the contract does not have", () => {
    expect(validateAnswer({ intent: "other", records: [], owner: "S02" })).toEqual({ intent: "other", records: [] });
  });
});

describe("failure classification", () => {
  const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n] ?? null });
  it("should read Retry-After in seconds, as a date, and retry-after-ms", () => {
    expect(retryAfterMs({ headers: headers({ "retry-after": "1.5" }) })).toBe(1500);
    expect(retryAfterMs({ headers: headers({ "retry-after-ms": "250" }) })).toBe(250);
    expect(retryAfterMs({ headers: headers({ "retry-after": new Date(10_000).toUTCString() }) }, 8_000)).toBe(2000);
    expect(retryAfterMs({ headers: headers({}) })).toBeNull();
  });
  it("should tell the kinds apart", () => {
    expect(classifyFailure(Object.assign(new Error("x"), { status: 429 }))).toBe("rate_limited");
    expect(classifyFailure(Object.assign(new Error("x"), { status: 503 }))).toBe("http");
    expect(classifyFailure(new SyntaxError("bad"))).toBe("malformed_json");
    expect(classifyFailure(new SchemaInvalidError("bad"))).toBe("schema_invalid");
    expect(classifyFailure(Object.assign(new Error("t"), { name: "TimeoutError" }))).toBe("timeout");
  });
});
