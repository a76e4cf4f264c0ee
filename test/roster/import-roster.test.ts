import { chmodSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importRoster, RosterRowError } from "../../src/roster/import-roster.js";
import type { Database } from "../../src/store/database.js";
import { RosterStore } from "../../src/store/roster-store.js";
import { PROVIDERS } from "../support/databases.js";
import { fixturesCopy, TEST_ROSTER } from "../support/fixtures.js";
import { scratchDatabases } from "../support/scratch-databases.js";

const open = scratchDatabases();

function writable(dir: string): string {
  for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o644);
  return dir;
}

describe.each(PROVIDERS)("roster import on $name", ({ create }) => {
  const fresh = () => open(create);

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
      const database = await open(PROVIDERS[0]!.create);
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

describe("a malformed file", () => {
  it("reports an unclosed quote with the line it opens on, and writes nothing from any file", async () => {
    const database = await open(PROVIDERS[0]!.create);
    // Line 31 opens a quote that is never closed: the old reader swallowed every shop after it.
    const dir = writable(fixturesCopy({ file: "retailers.csv", change: (t) => t.replace("R030,", 'R030,"') }));
    const error = await importRoster(database.db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterRowError);
    expect((error as RosterRowError).file).toBe("retailers.csv");
    expect((error as RosterRowError).line).toBe(31);
    expect((error as RosterRowError).reason).toMatch(/quote/);
    // people.csv was fine, but nothing is written when any table of the import is bad.
    expect(await database.db.person.count()).toBe(0);
    expect(await database.db.retailer.count()).toBe(0);
  });
});

describe.each(PROVIDERS)("a re-import on $name", ({ create }) => {
  const fresh = () => open(create);

  /** people.csv with e-mail and WeCom columns, and with `columns` removed. */
  function peopleWith(columns: { drop?: string[]; cells?: Record<string, Record<string, string>> }): string {
    const dir = writable(fixturesCopy());
    const rows = [
      ["id", "name", "role", "team", "supervisor_id", "lang", "timezone", "email", "wecom_userid", "active"],
      ["S01", "陈建华", "supervisor", "新罗一组", "", "zh", "Asia/Shanghai", "chen@example.com", "ChenJianHua", "true"],
      ["M01", "林志强", "manager", "新罗一组", "S01", "zh", "Asia/Shanghai", "lin@example.com", "LinZhiQiang", "true"],
    ];
    const header = rows[0]!;
    const keep = header.map((h, i) => (columns.drop?.includes(h) ? -1 : i)).filter((i) => i >= 0);
    const text = rows
      .map((row, r) =>
        keep
          .map((i) => {
            const id = row[0]!;
            const column = header[i]!;
            return r > 0 && columns.cells?.[id]?.[column] !== undefined ? columns.cells[id]![column]! : row[i]!;
          })
          .join(","),
      )
      .join("\n");
    writeFileSync(join(dir, "people.csv"), `${text}\n`);
    writeFileSync(join(dir, "retailers.csv"), "id,name\n");
    writeFileSync(join(dir, "products.csv"), "sku,name\n");
    return dir;
  }

  const person = (db: Database["db"], id: string) => db.person.findUniqueOrThrow({ where: { id } });
  const wecom = async (db: Database["db"]) =>
    (await db.identity.findMany({ where: { channel: "wecom" }, orderBy: { externalId: "asc" } })).map((i) => [
      i.personId,
      i.externalId,
    ]);

  it("keeps a field whose column the file leaves out, and clears it only for an empty cell", async () => {
    const { db } = await fresh();
    await importRoster(db, peopleWith({}));
    expect((await person(db, "M01")).email).toBe("lin@example.com");
    expect(await wecom(db)).toEqual([
      ["S01", "ChenJianHua"],
      ["M01", "LinZhiQiang"],
    ]);
    // A file without the email, WeCom and active columns changes none of them.
    const report = await importRoster(db, peopleWith({ drop: ["email", "wecom_userid", "active"] }));
    expect(report[0]).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await person(db, "M01")).email).toBe("lin@example.com");
    expect(await wecom(db)).toHaveLength(2);
    // An empty cell in a present column clears that one field.
    const cleared = await importRoster(db, peopleWith({ cells: { M01: { email: "", wecom_userid: "" } } }));
    expect(cleared[0]).toMatchObject({ updated: 1, unchanged: 1 });
    expect((await person(db, "M01")).email).toBeNull();
    expect((await person(db, "S01")).email).toBe("chen@example.com");
    expect(await wecom(db)).toEqual([["S01", "ChenJianHua"]]);
  });

  it("marks a person inactive, and moves a WeCom userid to the row that now names it", async () => {
    const { db } = await fresh();
    await importRoster(db, peopleWith({}));
    await importRoster(db, peopleWith({ cells: { M01: { active: "否", wecom_userid: "LZQ" } } }));
    expect((await person(db, "M01")).active).toBe(false);
    expect((await person(db, "S01")).active).toBe(true);
    expect(await wecom(db)).toEqual([
      ["S01", "ChenJianHua"],
      ["M01", "LZQ"],
    ]);
  });

  it("accepts a supervisor imported before, without the supervisor's row", async () => {
    const { db } = await fresh();
    await importRoster(db, TEST_ROSTER);
    const dir = writable(fixturesCopy());
    writeFileSync(join(dir, "people.csv"), "id,name,role,team,supervisor_id\nM50,新人,manager,新罗一组,S01\n");
    const report = await importRoster(db, dir);
    expect(report[0]).toMatchObject({ file: "people.csv", created: 1, unchanged: 0 });
    expect((await person(db, "M50")).supervisorId).toBe("S01");
    // Columns the new file lacks get their defaults for a new person…
    expect(await person(db, "M50")).toMatchObject({ lang: "zh", timezone: "Asia/Shanghai", active: true });
    // …and people it does not list are left alone.
    expect(await db.person.count()).toBe(13);
  });
});
