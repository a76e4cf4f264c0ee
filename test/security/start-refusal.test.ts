/**
 * `npm start`'s own entry point (src/main.ts) in a real process: demo mode where others could reach it
 * stops before anything starts, with a message naming DEMO_MODE and HOST; on loopback it starts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";
import { REPO_ROOT } from "../support/fixtures.js";

let scratch: ScratchDatabase | null = null;
let child: ChildProcess | null = null;

afterEach(async () => {
  // npx starts tsx, which starts node: end the whole group this test started, not npx alone.
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  child = null;
  await scratch?.drop();
});

/** Starts `npx tsx src/main.ts` with only these variables (and PATH/HOME); resolves on exit or on `until`. */
function start(
  env: Record<string, string>,
  until?: RegExp,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  scratch = scratchSqlite();
  return new Promise((resolve, reject) => {
    const proc = spawn("npx", ["tsx", "src/main.ts"], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        DATABASE_URL: scratch!.url,
        PORT: "0",
        LOG_LEVEL: "silent",
        SCHEDULER: "false",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so the test can stop npx and everything it started.
      detached: true,
    });
    child = proc;
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (chunk) => {
      stdout += String(chunk);
      if (until?.test(stdout)) resolve({ code: null, stdout, stderr });
    });
    proc.stderr.on("data", (chunk) => (stderr += String(chunk)));
    proc.on("error", reject);
    proc.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm start", () => {
  it("refuses DEMO_MODE=true with HOST=0.0.0.0: a non-zero exit, a message naming both, nothing opened", async () => {
    const result = await start({ DEMO_MODE: "true", HOST: "0.0.0.0" });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain("DEMO_MODE is true");
    expect(result.stderr).toContain("HOST=0.0.0.0");
    expect(result.stderr).toContain("DEMO_MODE=false");
    expect(result.stdout).not.toContain("Fieldmate web chat:");
    // Refused before the database was even opened.
    expect(existsSync(scratch!.url.replace(/^file:/, ""))).toBe(false);
  }, 60_000);

  it("refuses demo mode beside chat credentials, even on loopback", async () => {
    const result = await start({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/DEMO_MODE is true .* chat credentials configured \(slack\)/);
  }, 60_000);

  it("starts in demo mode on loopback, the zero-configuration default", async () => {
    // Off a terminal the address is in the JSON "ready" log line (a terminal also gets a plain line).
    const ready = /"url":"http:\/\/127\.0\.0\.1:\d+".*"msg":"Fieldmate is ready"/;
    const result = await start({ LOAD_DEMO_DATA: "false", LOG_LEVEL: "info" }, ready);
    expect(result.stdout).toMatch(ready);
  }, 60_000);
});
