import { describe, expect, it } from "vitest";
import { importRoster } from "../../src/roster/import-roster.js";
import { parseAudience, selectAudience, validateAudience } from "../../src/schedule/audience.js";
import { addReminder, listReminders, removeReminder, validateCron } from "../../src/schedule/reminders.js";
import { PROVIDERS } from "../support/databases.js";
import { TEST_ROSTER } from "../support/fixtures.js";
import { closeDatabasesAfterEach, freshDatabase } from "./schedule-setup.js";

closeDatabasesAfterEach();

describe("reminder audiences and schedules", () => {
  it.each([
    ["all", { kind: "all" }],
    ["team:新罗一组", { kind: "team", team: "新罗一组" }],
    ["team:Austin North", { kind: "team", team: "Austin North" }],
    ["role:manager", { kind: "role", role: "manager" }],
  ])("reads %j", (text, audience) => {
    expect(parseAudience(text)).toEqual(audience);
  });

  it.each([
    ["everyone", /audience must be team:NAME, role:ROLE or all/],
    ["team:", /audience must be/],
    ["role:boss", /unknown role "boss": use manager, supervisor, admin/],
  ])("refuses %j with a clear error", (text, message) => {
    expect(() => parseAudience(text)).toThrow(message);
  });

  it.each([
    ["0 8 * * 1", "0 8 * * 1"],
    ["30  7 * * 1-5", "30 7 * * 1-5"],
  ])("accepts the cron %j", (cron, normal) => {
    expect(validateCron(cron)).toBe(normal);
  });

  it.each([
    ["0 8 * *", /cron needs 5 fields/],
    ["0 0 8 * * 1", /cron needs 5 fields/],
    ["61 8 * * 1", /invalid cron "61 8 \* \* 1"/],
    ["0 25 * * 1", /invalid cron/],
  ])("refuses the cron %j", (cron, message) => {
    expect(() => validateCron(cron)).toThrow(message);
  });
});

describe.each(PROVIDERS)("reminder audience selection on $name", ({ create }) => {
  it("selects the active people of a team, a role or everyone, optionally in one time zone", async () => {
    const { db } = await freshDatabase(create);
    await importRoster(db, TEST_ROSTER);
    await db.person.update({ where: { id: "M03" }, data: { active: false } });
    const ids = async (text: string, zone?: string) =>
      (await selectAudience(db, parseAudience(text), zone)).map((p) => p.id);
    expect(await ids("team:新罗一组")).toEqual(["M01", "M02", "S01"]);
    expect(await ids("role:supervisor")).toEqual(["S01", "S02", "S03"]);
    expect(await ids("role:supervisor", "America/Chicago")).toEqual(["S03"]);
    expect(await ids("all")).toHaveLength(11);
    await expect(validateAudience(db, "team:新罗三组")).rejects.toThrow(
      'unknown team "新罗三组": known teams are Austin North, 新罗一组, 新罗二组',
    );
  });

  it("adds, lists and removes reminders, filling a missing language from the other", async () => {
    const { db } = await freshDatabase(create);
    await importRoster(db, TEST_ROSTER);
    const r = await addReminder(db, {
      cron: "0 8 * * 1",
      audience: "team:新罗一组",
      textZh: "周一例会前把上周断货情况汇总好。",
    });
    expect(r).toMatchObject({
      cron: "0 8 * * 1",
      audience: "team:新罗一组",
      textEn: "周一例会前把上周断货情况汇总好。",
    });
    await expect(addReminder(db, { cron: "0 8 * * 1", audience: "all" })).rejects.toThrow(
      /needs --text-zh or --text-en/,
    );
    await expect(addReminder(db, { cron: "0 8 * * 1", audience: "team:Nowhere", textEn: "x" })).rejects.toThrow(
      /unknown team "Nowhere"/,
    );
    expect((await listReminders(db)).map((x) => x.id)).toEqual([r.id]);
    await removeReminder(db, r.id);
    expect(await listReminders(db)).toEqual([]);
    await expect(removeReminder(db, r.id)).rejects.toThrow(`no active reminder ${r.id}`);
  });
});
