/** Regression guard: the whole dev set through the parser, scored by the shared scorer. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toFormat } from "../../src/parse/index.js";
import { parser, repoRoot, sharedEval } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "fieldmate-devset-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function score(goldPath: string): { overall: { f1: number }; intentAccuracy: number; categories: Record<string, { f1: number }> } {
  const lines = readFileSync(goldPath, "utf8").split("\n").filter((l) => l.trim());
  const pred = lines.map((raw) => {
    const l = JSON.parse(raw) as { id: string; sender: string; now: string; text: string };
    const out = toFormat(parser.parse({ text: l.text, senderId: l.sender, now: l.now }));
    return JSON.stringify({ id: l.id, ...out });
  });
  const predPath = join(dir, "pred.jsonl");
  writeFileSync(predPath, pred.join("\n") + "\n");
  const stdout = execFileSync("node", [resolve(sharedEval, "score.mjs"), goldPath, predPath, "--json"], { encoding: "utf8" });
  return JSON.parse(stdout.slice(0, stdout.lastIndexOf("}") + 1));
}

describe("evaluation sets", () => {
  it("scores at least 0.90 overall F1 on the dev set", () => {
    const r = score(resolve(sharedEval, "dev.jsonl"));
    expect(r.overall.f1).toBeGreaterThanOrEqual(0.9);
    expect(r.intentAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("scores at least 0.90 overall F1 on our own holdout messages", () => {
    const r = score(resolve(repoRoot, "test/parse/holdout.jsonl"));
    expect(r.overall.f1).toBeGreaterThanOrEqual(0.9);
  });

  it("scores at least 0.90 overall F1 on the second holdout (run-ons, typos, abbreviations, boundaries)", () => {
    const r = score(resolve(repoRoot, "test/parse/holdout2.jsonl"));
    expect(r.overall.f1).toBeGreaterThanOrEqual(0.9);
    expect(r.intentAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("scores at least 0.90 overall F1 on the third holdout (owner-reported practices, denials, 档位/帮扶, store nicknames)", () => {
    const r = score(resolve(repoRoot, "test/parse/holdout3.jsonl"));
    expect(r.overall.f1).toBeGreaterThanOrEqual(0.9);
    expect(r.intentAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("scores at least 0.90 overall F1 on the fourth holdout (restated counts, numbered lists, trailing order verbs, listing phrases, mixed languages)", () => {
    const r = score(resolve(repoRoot, "test/parse/holdout4.jsonl"));
    expect(r.overall.f1).toBeGreaterThanOrEqual(0.9);
    expect(r.intentAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
