/**
 * Where the tests find their data. Every test runs on the project's own roster (test/fixtures/roster);
 * only the tests that score the shared evaluation set (../shared/eval, beside the clone in CI) need
 * anything outside the repository, and they skip when it is absent.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");

/** The project's own roster for tests: people.csv, retailers.csv, products.csv (see test/fixtures/README.md). */
export const TEST_ROSTER = join(REPO_ROOT, "test/fixtures/roster");

/** The shared evaluation folder; FIELDMATE_SHARED_DIR moves it (point it at an empty folder to test without it). */
const SHARED_DIR = resolve(REPO_ROOT, process.env.FIELDMATE_SHARED_DIR ?? "../shared");
export const SHARED_EVAL = join(SHARED_DIR, "eval");

/** Whether the shared evaluation set is here: its scorer, its labelled messages and the roster they speak of. */
const hasShared = ["score.mjs", "dev.jsonl", "fixtures/retailers.csv"].every((file) =>
  existsSync(join(SHARED_EVAL, file)),
);

let noticeGiven = false;

/** Says once per test process, on one line, why the shared-set tests are skipped; returns whether they run. */
export function sharedEvalAvailable(): boolean {
  if (!hasShared && !noticeGiven) {
    noticeGiven = true;
    console.warn(
      `Skipping the shared evaluation set: ${SHARED_EVAL} is absent (CI has it beside the clone; FIELDMATE_SHARED_DIR moves it).`,
    );
  }
  return hasShared;
}

/** A writable copy of the test roster; `edit` rewrites one file's text. */
export function fixturesCopy(edit?: { file: string; change: (text: string) => string }): string {
  const dir = mkdtempSync(join(tmpdir(), "fieldmate-fixtures-"));
  cpSync(TEST_ROSTER, dir, { recursive: true });
  if (edit) {
    const path = join(dir, edit.file);
    writeFileSync(path, edit.change(readFileSync(path, "utf8")), { mode: 0o644 });
  }
  return dir;
}
