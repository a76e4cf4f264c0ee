/**
 * Regression guard: labelled messages through the parser, scored fact by fact (FORMAT.md). Our own
 * holdout sets run on the test roster everywhere; the shared dev set runs on its own roster with the
 * shared scorer, and is skipped with a notice on a clone that has no ../shared beside it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createParser, type Parser, toFormat } from "../../src/parse/index.js";
import { readRosterDir } from "../../src/roster/roster-files.js";
import { SHARED_EVAL, sharedEvalAvailable } from "../support/fixtures.js";
import { parser } from "./helpers.js";
import { type PredictedLine, readLabelled, type Score, scoreParses } from "./score.js";

const HOLDOUTS = ["holdout.jsonl", "holdout2.jsonl", "holdout3.jsonl", "holdout4.jsonl"].map((name) =>
  join(import.meta.dirname, name),
);
const DEV_SET = join(SHARED_EVAL, "dev.jsonl");

function predict(goldPath: string, using: Parser): PredictedLine[] {
  return readLabelled(goldPath).map((l) => ({
    id: l.id,
    ...toFormat(using.parse({ text: l.text, senderId: l.sender, now: l.now })),
  }));
}

function score(goldPath: string, using: Parser = parser): Score {
  return scoreParses(readLabelled(goldPath), predict(goldPath, using));
}

describe("our own holdout sets, on the test roster", () => {
  it("scores at least 0.90 overall F1 on our own holdout messages", () => {
    const r = score(HOLDOUTS[0]!);
    expect(r.overall.f1).toBeGreaterThanOrEqual(0.9);
  });

  it("scores at least 0.90 overall F1 on the second holdout (run-ons, typos, abbreviations, boundaries)", () => {
    const r = score(HOLDOUTS[1]!);
    expect(r.overall.f1).toBeGreaterThanOrEqual(0.9);
    expect(r.intentAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("scores at least 0.90 overall F1 on the third holdout (owner-reported practices, denials, 档位/帮扶, store nicknames)", () => {
    const r = score(HOLDOUTS[2]!);
    expect(r.overall.f1).toBeGreaterThanOrEqual(0.9);
    expect(r.intentAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("scores at least 0.90 overall F1 on the fourth holdout (restated counts, numbered lists, trailing order verbs, listing phrases, mixed languages)", () => {
    const r = score(HOLDOUTS[3]!);
    expect(r.overall.f1).toBeGreaterThanOrEqual(0.9);
    expect(r.intentAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe.skipIf(!sharedEvalAvailable())("the shared evaluation set", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "fieldmate-devset-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The score the shared scorer gives. */
  function sharedScore(goldPath: string, predictions: PredictedLine[]): Score {
    const predPath = join(dir, "pred.jsonl");
    writeFileSync(predPath, `${predictions.map((p) => JSON.stringify(p)).join("\n")}\n`);
    const stdout = execFileSync("node", [join(SHARED_EVAL, "score.mjs"), goldPath, predPath, "--json"], {
      encoding: "utf8",
    });
    return JSON.parse(stdout.slice(0, stdout.lastIndexOf("}") + 1));
  }

  const sharedParser = () => createParser(readRosterDir(join(SHARED_EVAL, "fixtures")));

  it("scores at least 0.90 overall F1 on the dev set", () => {
    const r = sharedScore(DEV_SET, predict(DEV_SET, sharedParser()));
    expect(r.overall.f1).toBeGreaterThanOrEqual(0.9);
    expect(r.intentAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("is scored by our scorer exactly as by the shared one, on the dev set and on every holdout", () => {
    const sets: [string, Parser][] = [
      [DEV_SET, sharedParser()],
      ...HOLDOUTS.map((path): [string, Parser] => [path, parser]),
    ];
    for (const [path, using] of sets) {
      const predictions = predict(path, using);
      const theirs = sharedScore(path, predictions);
      const ours = scoreParses(readLabelled(path), predictions);
      expect({ path, intentAccuracy: ours.intentAccuracy, overall: ours.overall, categories: ours.categories }).toEqual(
        {
          path,
          intentAccuracy: theirs.intentAccuracy,
          overall: theirs.overall,
          categories: theirs.categories,
        },
      );
    }
  });
});
