/** Paths to the shared evaluation fixtures and a way to make a corrupted copy of them. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
export const SHARED_DIR = resolve(REPO_ROOT, "../shared");
export const EVAL_FIXTURES = join(SHARED_DIR, "eval/fixtures");

/** A writable copy of the fixtures; `edit` rewrites one file's text. */
export function fixturesCopy(edit?: { file: string; change: (text: string) => string }): string {
  const dir = mkdtempSync(join(tmpdir(), "fieldmate-fixtures-"));
  cpSync(EVAL_FIXTURES, dir, { recursive: true });
  if (edit) {
    const path = join(dir, edit.file);
    writeFileSync(path, edit.change(readFileSync(path, "utf8")), { mode: 0o644 });
  }
  return dir;
}
