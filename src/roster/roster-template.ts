/**
 * `cli roster-template DIR`: an .xlsx workbook an analyst fills in and imports as it is — one sheet
 * per table with its headers and one example row, and a notes sheet saying what each column holds.
 * Written from the same column table the import reads (roster-columns.ts), so the two cannot drift.
 */
import { join } from "node:path";
import type { Lang } from "../domain/roster.js";
import { ROSTER_KINDS, TABLES } from "./roster-columns.js";

export const TEMPLATE_FILE = "fieldmate-roster.xlsx";

/** The template's own words, by language. */
const WORDS = {
  zh: {
    sheets: { people: "人员", retailers: "门店", products: "商品" },
    notes: "说明",
    intro: [
      "Fieldmate 人员、门店、商品导入模板。每张表第一行是表头，第二行是示例，请替换或删除示例行后填写。",
      "导入：npm run -s cli -- import fieldmate-roster.xlsx（也可把三张表分别存为 people.csv、retailers.csv、products.csv 放在一个文件夹里导入）。",
      "重复导入只更新有变化的行；表里没有的列保持原值，列存在但单元格为空则清空该字段。",
    ],
    head: ["表", "列（表头）", "必填", "说明", "也可写作"],
    yes: "是",
    /** Chinese headers (姓名, 门店名称…); the import reads either. */
    localHeaders: true,
  },
  en: {
    sheets: { people: "people", retailers: "retailers", products: "products" },
    notes: "notes",
    intro: [
      "Fieldmate roster template: people, shops and products. Row 1 of each sheet is the header, row 2 an example: replace or delete it.",
      "Import: npm run -s cli -- import fieldmate-roster.xlsx (or save the sheets as people.csv, retailers.csv, products.csv in one folder).",
      "Re-imports update changed rows only; a column left out keeps its stored values, an empty cell in a present column clears the field.",
    ],
    head: ["sheet", "column (header)", "required", "what it holds", "also accepted"],
    yes: "yes",
    localHeaders: false,
  },
} as const;

/** Writes the template into `dir`; returns its path. */
export async function writeRosterTemplate(dir: string, lang: Lang): Promise<string> {
  const { default: ExcelJS } = await import("exceljs");
  const words = WORDS[lang];
  const workbook = new ExcelJS.Workbook();
  const header = (name: string, aliases: readonly string[]) => (words.localHeaders ? (aliases[0] ?? name) : name);
  for (const kind of ROSTER_KINDS) {
    const sheet = workbook.addWorksheet(words.sheets[kind], { views: [{ state: "frozen", ySplit: 1 }] });
    const columns = TABLES[kind].columns;
    sheet.columns = columns.map((c) => ({ header: header(c.name, c.aliases), key: c.name, width: 18 }));
    sheet.addRow(
      Object.fromEntries(columns.map((c) => [c.name, typeof c.example === "string" ? c.example : c.example[lang]])),
    );
    sheet.getRow(1).font = { bold: true };
    // Ids, licences and codes are text: Excel would otherwise turn 0001 into 1 and long numbers into 3.5E+11.
    for (const [i, c] of columns.entries()) {
      if (/(^|_)(id|sku|license|userid)$/.test(c.name)) sheet.getColumn(i + 1).numFmt = "@";
    }
  }
  const notes = workbook.addWorksheet(words.notes);
  for (const line of words.intro) notes.addRow([line]);
  notes.addRow([]);
  notes.addRow([...words.head]).font = { bold: true };
  for (const kind of ROSTER_KINDS) {
    for (const c of TABLES[kind].columns) {
      const names = [c.name, ...c.aliases].filter((n) => n !== header(c.name, c.aliases));
      notes.addRow([
        words.sheets[kind],
        header(c.name, c.aliases),
        c.required ? words.yes : "",
        c.note[lang],
        names.join(", "),
      ]);
    }
  }
  notes.columns.forEach((column, i) => {
    column.width = [10, 18, 8, 60, 40][i] ?? 20;
  });
  const path = join(dir, TEMPLATE_FILE);
  await workbook.xlsx.writeFile(path);
  return path;
}
