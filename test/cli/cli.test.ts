/** The command line as an admin or a tool uses it: real processes on a scratch database. */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";
import { REPO_ROOT, sharedEvalAvailable, TEST_ROSTER } from "../support/fixtures.js";

const run = promisify(execFile);
let scratch: ScratchDatabase;
afterEach(async () => scratch?.drop());

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run("npm", ["run", "-s", "cli", "--", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: scratch.url, LOG_LEVEL: "silent", ...env },
      maxBuffer: 10 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("cli import", () => {
  it("reports what it created on a fresh database, and a second run creates nothing", async () => {
    scratch = scratchSqlite();
    const first = await cli(["import", TEST_ROSTER]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      "people.csv: 12 created, 0 updated, 0 unchanged\nretailers.csv: 169 created, 0 updated, 0 unchanged\nproducts.csv: 42 created, 0 updated, 0 unchanged\n",
    );
    const second = await cli(["import", TEST_ROSTER]);
    expect(second.stdout).toContain("retailers.csv: 0 created, 0 updated, 169 unchanged");
  });

  it("names the file and line of a bad row and exits non-zero", async () => {
    scratch = scratchSqlite();
    const dir = mkdtempSync(join(tmpdir(), "fieldmate-bad-"));
    writeFileSync(
      join(dir, "products.csv"),
      "sku,name,brand,aliases,category,per_case,price_band\nT1,好烟,好,,tobacco,10,一类\n,坏烟,坏,,tobacco,10,一类\n",
    );
    const result = await cli(["import", dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, "products.csv")}:3: sku: missing sku`);
    expect(result.stderr).toContain("Nothing from products.csv was written");
    const database = await openDatabase(scratch.url);
    expect(await database.db.product.count()).toBe(0);
    await database.close();
  });
});

describe("cli link", () => {
  it("links a chat identity to a person, and refuses an unknown person", async () => {
    scratch = scratchSqlite();
    await cli(["import", TEST_ROSTER]);
    const linked = await cli(["link", "--person", "M07", "--channel", "slack", "--external", "U07ABC"]);
    expect(linked.stdout).toContain("linked slack:U07ABC to M07 Jake Miller");
    expect((await cli(["link", "--person", "M99", "--channel", "slack", "--external", "U1"])).code).toBe(1);
    expect((await cli(["link", "--person", "M07", "--channel", "fax", "--external", "U1"])).code).toBe(2);
    const database = await openDatabase(scratch.url);
    expect(
      await database.db.identity.findMany({ select: { personId: true, channel: true, externalId: true } }),
    ).toEqual([{ personId: "M07", channel: "slack", externalId: "U07ABC" }]);
    await database.close();
    // Four cli processes, each starting Node and migrating: slow on a busy two-core machine.
  }, 60_000);
});

describe("cli parse", () => {
  it("prints one FORMAT.md line per input line, parsed on a fresh database loaded from the fixtures", async () => {
    scratch = scratchSqlite();
    const dir = mkdtempSync(join(tmpdir(), "fieldmate-parse-"));
    const input = join(dir, "in.jsonl");
    writeFileSync(
      input,
      [
        {
          id: "a",
          sender: "M02",
          now: "2026-11-25T17:40:00+08:00",
          text: "今天去了张记便利店,红塔山还有12条,软中华断货了,下周三再去",
        },
        { id: "b", sender: "M07", now: "2026-11-03T07:40:00-06:00", text: "what's on my route today" },
        { id: "c", sender: "M02", now: "2026-11-25T17:40:00+08:00", text: "张记便利店 大重九5条 软中华断货" },
      ]
        .map((l) => JSON.stringify(l))
        .join("\n"),
    );
    const result = await cli(["parse", "--fixtures", TEST_ROSTER, "--input", input]);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.intent])).toEqual([
      ["a", "visit_log"],
      ["b", "plan_query"],
      ["c", "visit_log"],
    ]);
    // A record the conversation would ask about (an unknown product) says so; a clear one does not.
    expect(lines[0].records[0].ask).toBeUndefined();
    expect(lines[2].records[0].ask).toBe(true);
    expect(lines[0].records[0]).toMatchObject({
      type: "visit",
      retailer: "R035",
      date: "2026-11-25",
      followUp: "2026-12-02",
      outOfStock: ["T002"],
    });
    expect(lines[0].records[0].stock).toEqual([{ sku: "T007", qty: 12, unit: "carton" }]);
    // The configured database is not touched: the parse runs on its own temporary one.
    const database = await openDatabase(scratch.url);
    expect(await database.db.person.count()).toBe(0);
    await database.close();
  });

  it.skipIf(!sharedEvalAvailable())("scores the shared dev set through the eval script", async () => {
    const { stdout } = await run("bash", ["scripts/eval"], { cwd: REPO_ROOT, maxBuffer: 10 * 1024 * 1024 });
    const f1 = Number(/overall F1 ([\d.]+)/.exec(stdout)?.[1]);
    expect(f1).toBeGreaterThan(0.9);
  });
});
