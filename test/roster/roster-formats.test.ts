/**
 * Rosters the way offices keep them: CSV saved by Chinese Excel (GBK), Excel's "Unicode text"
 * (UTF-16), UTF-8 with a BOM, and .xlsx workbooks with Chinese sheet names and headers — each must
 * import exactly the rows the UTF-8 CSV fixtures import. The files are made here with iconv-lite and exceljs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRoster, RosterRowError } from "../../src/roster/import-roster.js";
import type { Db } from "../../src/store/database.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { RosterStore } from "../../src/store/roster-store.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";
import { TEST_ROSTER } from "../support/fixtures.js";

const FILES = ["people.csv", "retailers.csv", "products.csv"] as const;
const open: { database: Database; scratch: ScratchDatabase }[] = [];
afterAll(async () => {
  for (const { database, scratch } of open) {
    await database.close();
    await scratch.drop();
  }
});

async function freshDb(): Promise<Db> {
  const scratch = scratchSqlite();
  const database = await openDatabase(scratch.url);
  open.push({ database, scratch });
  return database.db;
}

/** Everything an import writes, in a comparable order. */
async function contents(db: Db) {
  return {
    roster: await new RosterStore(db).roster(),
    active: await db.person.findMany({ select: { id: true, active: true }, orderBy: { id: "asc" } }),
    teams: await db.team.findMany({ select: { name: true, timezone: true }, orderBy: { name: "asc" } }),
  };
}

const fixture = (file: string) => readFileSync(join(TEST_ROSTER, file), "utf8");

function folderOf(encode: (text: string) => Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "fieldmate-encoded-"));
  for (const file of FILES) writeFileSync(join(dir, file), encode(fixture(file)));
  return dir;
}

let expected: Awaited<ReturnType<typeof contents>>;
beforeAll(async () => {
  const db = await freshDb();
  await importRoster(db, TEST_ROSTER);
  expected = await contents(db);
  expect(expected.roster.retailers).toHaveLength(169);
});

describe("a CSV roster in another encoding", () => {
  const bom = (bytes: number[], body: Buffer) => Buffer.concat([Buffer.from(bytes), body]);
  it.each([
    { name: "GBK (Chinese Excel's CSV)", encode: (t: string) => iconv.encode(t, "gbk"), read: "gb18030" },
    { name: "GB18030", encode: (t: string) => iconv.encode(t, "gb18030"), read: "gb18030" },
    { name: "UTF-8 with a BOM", encode: (t: string) => bom([0xef, 0xbb, 0xbf], Buffer.from(t)), read: undefined },
    {
      name: "UTF-16LE with a BOM (Excel's Unicode text)",
      encode: (t: string) => bom([0xff, 0xfe], iconv.encode(t, "utf16le")),
      read: "utf16le",
    },
    { name: "UTF-16BE without a BOM", encode: (t: string) => iconv.encode(t, "utf16be"), read: "utf16be" },
  ])("$name imports the same rows as the UTF-8 CSV", async ({ encode, read }) => {
    const db = await freshDb();
    const reports = await importRoster(db, folderOf(encode));
    expect(reports.map((r) => [r.file, r.encoding, r.created])).toEqual([
      ["people.csv", read, 12],
      ["retailers.csv", read, 169],
      ["products.csv", read, 42],
    ]);
    expect(await contents(db)).toEqual(expected);
  });

  it("takes --encoding over detection, and refuses bytes that do not decode rather than store mojibake", async () => {
    const gbk = folderOf((t) => iconv.encode(t, "gbk"));
    const forced = await freshDb();
    await importRoster(forced, gbk, { encoding: "gbk" });
    expect(await contents(forced)).toEqual(expected);
    const wrong = await freshDb();
    const error = await importRoster(wrong, gbk, { encoding: "utf8" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterRowError);
    expect((error as RosterRowError).file).toBe("people.csv");
    expect((error as RosterRowError).reason).toMatch(/cannot be read as utf8/);
    expect(await wrong.person.count()).toBe(0);
  });

  it("reads a tab-separated file (Excel's Unicode text) as well as a comma-separated one", async () => {
    const db = await freshDb();
    const dir = folderOf((t) => Buffer.from(t));
    const tabbed = fixture("products.csv").replaceAll(",", "\t");
    writeFileSync(join(dir, "products.csv"), bom([0xff, 0xfe], iconv.encode(tabbed, "utf16le")));
    await importRoster(db, dir);
    expect(await contents(db)).toEqual(expected);
  });
});

/** The fixtures as an office's workbook: Chinese sheet names, Chinese headers, numbers as numbers, roles in words. */
const CHINESE_HEADERS: Record<(typeof FILES)[number], { sheet: string; headers: string[] }> = {
  "people.csv": { sheet: "人员", headers: ["工号", "姓名", "角色", "团队", "上级工号", "语言", "时区"] },
  "retailers.csv": {
    sheet: "门店",
    headers: ["门店编号", "门店名称", "别名", "客户经理工号", "分类", "档位", "地址", "纬度", "经度", "许可证号"],
  },
  "products.csv": { sheet: "商品", headers: ["商品编码", "商品名称", "品牌", "别名", "类别", "每件条数", "价类"] },
};
const ROLE_WORDS: Record<string, string> = { manager: "客户经理", supervisor: "主管", admin: "管理员" };

function rowsOf(file: string): string[][] {
  return parse(fixture(file), { skip_empty_lines: true }) as string[][];
}

function addSheet(workbook: ExcelJS.Workbook, file: (typeof FILES)[number], name: string, headers: string[]) {
  const sheet = workbook.addWorksheet(name);
  const [, ...rows] = rowsOf(file);
  sheet.addRow(headers);
  for (const row of rows) {
    sheet.addRow(
      row.map((cell, i) => {
        if (file === "people.csv" && i === 2) return ROLE_WORDS[cell] ?? cell;
        return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
      }),
    );
  }
  return sheet;
}

describe("an .xlsx roster", () => {
  it("one workbook with sheets 人员/门店/商品 and Chinese headers imports the same rows as the UTF-8 CSV", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fieldmate-xlsx-"));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("说明").addRow(["这张表不导入"]);
    for (const file of FILES) addSheet(workbook, file, CHINESE_HEADERS[file].sheet, CHINESE_HEADERS[file].headers);
    const path = join(dir, "花名册.xlsx");
    await workbook.xlsx.writeFile(path);
    const db = await freshDb();
    const reports = await importRoster(db, path);
    expect(reports.map((r) => [r.file, r.created])).toEqual([
      ["花名册.xlsx (人员)", 12],
      ["花名册.xlsx (门店)", 169],
      ["花名册.xlsx (商品)", 42],
    ]);
    expect(await contents(db)).toEqual(expected);
    expect((await importRoster(db, path)).map((r) => r.unchanged)).toEqual([12, 169, 42]);
  });

  it("a folder of people.xlsx, retailers.xlsx and products.xlsx with the CSV headers imports the same rows", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fieldmate-xlsx-"));
    for (const file of FILES) {
      const workbook = new ExcelJS.Workbook();
      addSheet(workbook, file, "Sheet1", rowsOf(file)[0]!);
      await workbook.xlsx.writeFile(join(dir, file.replace(".csv", ".xlsx")));
    }
    const db = await freshDb();
    await importRoster(db, dir);
    expect(await contents(db)).toEqual(expected);
  });

  it("names the file, sheet, row and column of a bad cell, and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fieldmate-xlsx-"));
    const workbook = new ExcelJS.Workbook();
    for (const file of FILES) addSheet(workbook, file, CHINESE_HEADERS[file].sheet, CHINESE_HEADERS[file].headers);
    workbook.getWorksheet("门店")!.getCell("H7").value = 251.5;
    const path = join(dir, "roster.xlsx");
    await workbook.xlsx.writeFile(path);
    const db = await freshDb();
    const error = (await importRoster(db, path).catch((e: unknown) => e)) as RosterRowError;
    expect(error).toBeInstanceOf(RosterRowError);
    expect([error.file, error.sheet, error.line, error.column]).toEqual(["roster.xlsx", "门店", 7, "纬度"]);
    expect(error.message).toBe(
      `${path}, sheet 门店, row 7, column H (纬度): lat must be a number from -90 to 90, got "251.5"`,
    );
    expect(await db.person.count()).toBe(0);
  });
});
