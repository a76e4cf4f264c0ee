import { chmodSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importRoster, RosterRowError } from "../../src/roster/import-roster.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { RosterStore } from "../../src/store/roster-store.js";
import { PROVIDERS, type ScratchDatabase } from "../support/databases.js";
import { fixturesCopy, TEST_ROSTER } from "../support/fixtures.js";

const open: { database: Database; scratch: ScratchDatabase }[] = [];
afterEach(async () => {
  while (open.length) {
    const { database, scratch } = open.pop()!;
    await database.close();
    await scratch.drop();
  }
});

function writable(dir: string): string {
  for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o644);
  return dir;
}

describe.each(PROVIDERS)("roster import on $name", ({ create }) => {
  async function fresh(): Promise<Database> {
    const scratch = await create();
    const database = await openDatabase(scratch.url);
    open.push({ database, scratch });
    return database;
  }

  it("loads the fixtures, and a second run creates nothing", async () => {
    const { db } = await fresh();
    const first = await importRoster(db, TEST_ROSTER);
    expect(first.map((r) => [r.file, r.created, r.updated, r.unchanged])).toEqual([
      ["people.csv", 12, 0, 0],
      ["retailers.csv", 169, 0, 0],
      ["products.csv", 42, 0, 0],
    ]);
    const second = await importRoster(db, TEST_ROSTER);
    expect(second.map((r) => [r.created, r.updated, r.unchanged])).toEqual([
      [0, 0, 12],
      [0, 0, 169],
      [0, 0, 42],
    ]);
    expect(await db.retailer.count()).toBe(169);
    const roster = await new RosterStore(db).roster();
    const r035 = roster.retailers.find((r) => r.id === "R035");
    expect(r035?.managerId).toBe("M02");
    expect(roster.products.find((p) => p.sku === "T002")?.aliases).toEqual(["软中华", "软中", "中华软"]);
    expect(await db.team.findMany({ orderBy: { name: "asc" }, select: { name: true, timezone: true } })).toEqual([
      { name: "Austin North", timezone: "America/Chicago" },
      { name: "新罗一组", timezone: "Asia/Shanghai" },
      { name: "新罗二组", timezone: "Asia/Shanghai" },
    ]);
  });

  it("updates a changed row instead of duplicating it", async () => {
    const { db } = await fresh();
    await importRoster(db, TEST_ROSTER);
    const dir = writable(
      fixturesCopy({ file: "retailers.csv", change: (t) => t.replace("R001,王记小卖部,", "R001,王记小卖部(新),") }),
    );
    const report = await importRoster(db, dir);
    expect(report[1]).toMatchObject({ file: "retailers.csv", created: 0, updated: 1, unchanged: 168 });
    expect((await db.retailer.findUnique({ where: { id: "R001" } }))?.name).toBe("王记小卖部(新)");
  });

  it("gives a person with no time zone the importer's default zone (TZ_DEFAULT), Asia/Shanghai when none is given", async () => {
    const dir = writable(
      fixturesCopy({ file: "people.csv", change: (t) => t.replace(/^(M07,.*),America\/Chicago$/m, "$1,") }),
    );
    const told = await fresh();
    await importRoster(told.db, dir, { defaultZone: "America/Chicago" });
    expect((await told.db.person.findUniqueOrThrow({ where: { id: "M07" } })).timezone).toBe("America/Chicago");
    const untold = await fresh();
    await importRoster(untold.db, dir);
    expect((await untold.db.person.findUniqueOrThrow({ where: { id: "M07" } })).timezone).toBe("Asia/Shanghai");
  });
});

describe("a bad row", () => {
  const cases = [
    {
      what: "an unknown manager",
      file: "retailers.csv",
      change: (t: string) => t.replace("R014,老王烟酒店,老王家|老王,M01", "R014,老王烟酒店,老王家|老王,M99"),
      line: 15,
      reason: /unknown manager M99/,
    },
    {
      what: "bad coordinates",
      file: "retailers.csv",
      change: (t: string) => t.replace("25.10941,117.06086", "251.10941,117.06086"),
      line: 15,
      reason: /lat must be a number/,
    },
    {
      what: "a missing id",
      file: "products.csv",
      change: (t: string) => t.replace("T010,芙蓉王(硬)", ",芙蓉王(硬)"),
      line: 11,
      reason: /sku/,
    },
    {
      what: "an unknown role",
      file: "people.csv",
      change: (t: string) => t.replace("M03,张伟,manager", "M03,张伟,boss"),
      line: 8,
      reason: /role/,
    },
  ];

  it.each(cases)(
    "($what) is reported with its file and line, and nothing of that file is written",
    async ({ file, change, line, reason }) => {
      const scratch = await PROVIDERS[0]!.create();
      const database = await openDatabase(scratch.url);
      open.push({ database, scratch });
      const dir = writable(fixturesCopy({ file, change }));
      const error = await importRoster(database.db, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RosterRowError);
      expect((error as RosterRowError).file).toBe(file);
      expect((error as RosterRowError).line).toBe(line);
      expect((error as RosterRowError).reason).toMatch(reason);
      const counts = {
        "people.csv": await database.db.person.count(),
        "retailers.csv": await database.db.retailer.count(),
        "products.csv": await database.db.product.count(),
      };
      expect(counts[file as keyof typeof counts]).toBe(0);
    },
  );
});
