/**
 * The visit export as an .xlsx: sheet 1 one row per visit (what a supervisor filters and pivots),
 * sheet 2 one row per product line (stock counts, stock-outs, listings, orders) with numbers as
 * numbers. Headers in the asker's language; every row carries the record's short reference.
 */
import ExcelJS from "exceljs";
import { shortReference } from "../../visits/receipt.js";
import { ACTIVITY_WORDS, followUpWords } from "../../core/wording.js";
import type { Lang } from "../../domain/roster.js";
import type { Activity } from "../../domain/records.js";
import type { VisitRecord } from "../figures/visit-records.js";
import { productName, stockLineWords } from "../render/record-words.js";
import { segmentWords, timeWords } from "../render/report-words.js";
import type { ReportEnv } from "../report-env.js";

const HEAD: Record<Lang, { visits: string; lines: string; visitCols: string[]; lineCols: string[]; kinds: Record<string, string>; yes: string }> = {
  zh: {
    visits: "拜访记录",
    lines: "产品明细",
    visitCols: ["日期", "客户经理", "零售户", "分类", "工作内容", "库存", "断货", "新上柜", "订货", "下次跟进", "老板反馈", "合规提示", "上报时间", "记录编号"],
    lineCols: ["日期", "客户经理", "零售户", "类型", "产品", "SKU", "数量", "单位", "记录编号"],
    kinds: { stock: "库存", out_of_stock: "断货", listed: "新上柜", order: "订货" },
    yes: "有",
  },
  en: {
    visits: "Visits",
    lines: "Product lines",
    visitCols: ["Date", "Manager", "Store", "Segment", "Activities", "Stock", "Out of stock", "Listed", "Orders", "Follow-up", "Owner feedback", "Red flag", "Reported at", "Reference"],
    lineCols: ["Date", "Manager", "Store", "Kind", "Product", "SKU", "Qty", "Unit", "Reference"],
    kinds: { stock: "stock", out_of_stock: "out of stock", listed: "listed", order: "order" },
    yes: "yes",
  },
};

const UNITS: Record<Lang, Record<string, string>> = {
  zh: { carton: "条", pack: "包", case: "件", unit: "瓶" },
  en: { carton: "carton", pack: "pack", case: "case", unit: "unit" },
};

export async function visitsWorkbook(env: ReportEnv, visits: VisitRecord[]): Promise<Uint8Array> {
  const h = HEAD[env.lang];
  const join = (items: string[]) => items.join(env.lang === "zh" ? "、" : ", ");
  const wb = new ExcelJS.Workbook();
  wb.creator = "Fieldmate";

  const sheet = wb.addWorksheet(h.visits, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = h.visitCols.map((header, i) => ({ header, width: [12, 10, 18, 10, 20, 28, 18, 18, 22, 14, 24, 28, 16, 12][i] }));
  for (const v of visits) {
    const of = (kind: string) => v.lines.filter((l) => l.kind === kind);
    sheet.addRow([
      v.date,
      v.managerName,
      v.shopName,
      segmentWords(v.segment, env.lang),
      join(v.activities.map((a) => ACTIVITY_WORDS[env.lang][a as Activity] ?? a)),
      join(of("stock").map((l) => stockLineWords(env, l))),
      join(of("out_of_stock").map((l) => productName(env, l.sku))),
      join(of("listed").map((l) => productName(env, l.sku))),
      join(of("order").map((l) => stockLineWords(env, l))),
      v.followUp ? followUpWords(v.followUp, env.lang) : "",
      v.feedback ? v.feedbackText ?? h.yes : "",
      v.compliance ? v.complianceNote ?? h.yes : "",
      timeWords(v.reportedAt, env.viewer.timezone, env.lang, null),
      shortReference(v.id),
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: h.visitCols.length } };

  const lines = wb.addWorksheet(h.lines, { views: [{ state: "frozen", ySplit: 1 }] });
  lines.columns = h.lineCols.map((header, i) => ({ header, width: [12, 10, 18, 10, 18, 10, 8, 8, 12][i] }));
  for (const v of visits) {
    for (const l of v.lines) {
      lines.addRow([v.date, v.managerName, v.shopName, h.kinds[l.kind] ?? l.kind, productName(env, l.sku), l.sku, l.qty, l.unit ? UNITS[env.lang][l.unit] ?? l.unit : null, shortReference(v.id)]);
    }
  }
  lines.getRow(1).font = { bold: true };
  lines.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: h.lineCols.length } };

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
