/** `cli status --team NAME --date D [--json]` on the hand-counted week. */
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runStatus } from "../../../src/cli/status-command.js";
import { shortReference } from "../../../src/domain/reference.js";
import { type Database, openDatabase } from "../../../src/store/database.js";
import { type ScratchDatabase, scratchSqlite } from "../../support/databases.js";
import { type Seeded, seedWeek } from "../report-setup.js";

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write: (c, _e, done) => {
      chunks.push(String(c));
      done();
    },
  }) as Writable & {
    text: () => string;
  };
  w.text = () => chunks.join("");
  return w;
}

describe("cli status", () => {
  let scratch: ScratchDatabase;
  let database: Database;
  let seeded: Seeded;
  beforeAll(async () => {
    scratch = scratchSqlite();
    database = await openDatabase(scratch.url);
    seeded = await seedWeek(database.db);
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it("prints the team's day as JSON with the records behind each member's figures", async () => {
    const out = sink();
    expect(await runStatus(database.db, ["--team", "新罗一组", "--date", "2026-11-25", "--json"], out, sink())).toBe(0);
    const json = JSON.parse(out.text());
    expect(json.members.map((m: { id: string }) => m.id)).toEqual(["M01", "M02", "M03"]);
    expect(json.members[0]).toMatchObject({ planned: 25, done: 3, visits: 4, shops: 3, stockOuts: 1, redFlags: 1 });
    expect(json.members[0].records.map((r: { reference: string }) => r.reference).sort()).toEqual(
      [seeded.m01.wang1, seeded.m01.wang2, seeded.m01.zhou, seeded.m01.xinhuadu]
        .map((r) => shortReference(r.id))
        .sort(),
    );
    expect(json.members[1]).toMatchObject({ planned: 24, visits: 0, promotions: 1, consumers: 12 });
    expect(json.members[2]).toMatchObject({ planned: 25, visits: 0, records: [] });
    expect(json.notReported).toEqual(["M02", "M03"]);
    expect(json.redFlags).toEqual([
      expect.objectContaining({ reference: shortReference(seeded.m01.xinhuadu.id), note: "店主说要搭售才给上柜" }),
    ]);
  });

  it("prints the chat answer as text, in English on request", async () => {
    const zh = sink();
    await runStatus(database.db, ["--team", "新罗一组", "--date", "2026-11-24"], zh, sink());
    expect(zh.text()).toContain("黄丽萍：完成计划 1/25 家（4%），拜访 1 家次，最后上报 11月25日 09:00");
    const en = sink();
    await runStatus(database.db, ["--team", "新罗一组", "--date", "2026-11-25", "--lang", "en"], en, sink());
    expect(en.text()).toContain(
      "林志强: 3 of 25 planned visits done (12%) · 4 visits at 3 stores · 1 stock-out · ⚠️ 1 red flag · last report 3:00 pm",
    );
  });

  it("refuses an unknown team and a bad date", async () => {
    const err = sink();
    expect(await runStatus(database.db, ["--team", "火星组", "--date", "2026-11-25"], sink(), err)).toBe(1);
    expect(err.text()).toContain("unknown team");
    expect(await runStatus(database.db, ["--team", "新罗一组", "--date", "25/11"], sink(), sink())).toBe(2);
    expect(await runStatus(database.db, ["--team", "新罗一组"], sink(), sink())).toBe(2);
  });
});
