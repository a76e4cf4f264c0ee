import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { importRoster } from "../../src/roster/import-roster.js";
import { writeRosterTemplate } from "../../src/roster/roster-template.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";

let database: Database | null = null;
let scratch: ScratchDatabase | null = null;
afterEach(async () => {
  await database?.close();
  await scratch?.drop();
});

describe("cli roster-template", () => {
  it.each(["zh", "en"] as const)(
    "writes a %s workbook with headers, one example row per table and notes, which imports as it is",
    async (lang) => {
      const dir = mkdtempSync(join(tmpdir(), "fieldmate-template-"));
      const path = await writeRosterTemplate(dir, lang);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const names = workbook.worksheets.map((s) => s.name);
      expect(names).toEqual(
        lang === "zh" ? ["人员", "门店", "商品", "说明"] : ["people", "retailers", "products", "notes"],
      );
      const people = workbook.worksheets[0]!;
      expect(people.rowCount).toBe(2);
      expect(people.getRow(1).values).toContain(lang === "zh" ? "姓名" : "name");
      expect(workbook.worksheets[3]!.rowCount).toBeGreaterThan(20);

      scratch = scratchSqlite();
      database = await openDatabase(scratch.url);
      const reports = await importRoster(database.db, path);
      expect(reports.map((r) => r.created)).toEqual([1, 1, 1]);
      const person = await database.db.person.findUniqueOrThrow({ where: { id: "M01" } });
      expect(person).toMatchObject({ role: "manager", active: true, email: "lixiaojun@example.com" });
      expect(await database.db.identity.findMany({ select: { channel: true, externalId: true } })).toEqual([
        { channel: "wecom", externalId: "LiXiaoJun" },
      ]);
      expect(await database.db.retailer.findUniqueOrThrow({ where: { id: "R001" } })).toMatchObject({
        managerId: "M01",
        license: "350842000001",
        lat: 25.01913,
      });
    },
  );
});
