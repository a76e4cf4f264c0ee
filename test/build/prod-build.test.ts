/**
 * The production build (`npm run build` → dist/) runs with plain node: ES modules, the generated
 * Prisma client, the migrations applied to a fresh database, the web page served. `npm test` builds
 * before vitest runs; run alone, this file builds first when dist/ is missing.
 */
import { execFile, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { REPO_ROOT, TEST_ROSTER } from "../support/fixtures.js";

const run = promisify(execFile);
const DIST_CLI = join(REPO_ROOT, "dist/cli/main.js");

beforeAll(() => {
  if (!existsSync(DIST_CLI)) {
    execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--no-check"], {
      cwd: REPO_ROOT,
      stdio: "inherit",
    });
  }
}, 180_000);

const scratchUrl = () => `file:${join(mkdtempSync(join(tmpdir(), "fieldmate-dist-")), "f.db")}`;

describe("the production build", () => {
  it("runs the cli with plain node: help, an import into a fresh database, a one-line parse", async () => {
    const url = scratchUrl();
    const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" };
    const help = await run(process.execPath, [DIST_CLI, "--help"], { cwd: REPO_ROOT, env });
    expect(help.stdout).toContain("Fieldmate command line");
    const imported = await run(process.execPath, [DIST_CLI, "import", TEST_ROSTER], { cwd: REPO_ROOT, env });
    expect(imported.stdout).toContain("retailers.csv: 169 created");
    // dist/ migrated the fresh database with the committed migrations and wrote through the generated client.
    const database = await openDatabase(url, { migrate: false });
    expect(await database.db.retailer.count()).toBe(169);
    await database.close();
    const input = join(mkdtempSync(join(tmpdir(), "fieldmate-dist-")), "one.jsonl");
    writeFileSync(
      input,
      `${JSON.stringify({ id: "a", sender: "M02", now: "2026-11-25T17:40:00+08:00", text: "今天去了张记便利店,软中华断货了" })}\n`,
    );
    const parsed = await run(process.execPath, [DIST_CLI, "parse", "--fixtures", TEST_ROSTER, "--input", input], {
      cwd: REPO_ROOT,
      env,
    });
    expect(JSON.parse(parsed.stdout)).toMatchObject({ id: "a", intent: "visit_log", records: [{ retailer: "R035" }] });
  }, 60_000);

  it("starts the bot from dist/ (npm run start:prod): the page, readiness, and a clean SIGTERM", async () => {
    const child = spawn(process.execPath, ["dist/main.js"], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: scratchUrl(), PORT: "0", LOG_LEVEL: "info", SCHEDULER: "false" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        for (const line of chunk.toString().split("\n")) {
          if (line.includes('"Fieldmate is ready"')) resolve(JSON.parse(line).url);
        }
      });
      void exited.then((code) => reject(new Error(`exited ${code} before ready`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<html");
    const ready = await fetch(`${url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: "ready", checks: { migrations: { ok: true } } });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 60_000);
});
