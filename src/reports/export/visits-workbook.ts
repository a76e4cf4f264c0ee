/**
 * The visit export as an .xlsx: sheet 1 one row per visit (what a supervisor filters and pivots),
 * sheet 2 one row per product line (stock counts, stock-outs, listings, orders) with numbers as
 * numbers. Headers in the asker's language; every row carries the record's short reference.
 */
import ExcelJS from "exceljs";
import type { Activity } from "../../domain/records.js";
import { shortReference } from "../../domain/reference.js";
import type { VisitRecord } from "../figures/figure-queries.js";
import { productName, stockLineWords, unitOf } from "../render/record-words.js";
import { timeWords } from "../render/report-words.js";
import type { ReportEnv } from "../report-env.js";

/** Column widths in characters, in the order of the catalogue's headers. */
const VISIT_WIDTHS = [12, 10, 18, 10, 20, 28, 18, 18, 22, 14, 24, 28, 16, 12, 8, 40];

/** What the visits' check-ins and photos add to their rows. */
export interface VisitMedia {
  /** Visits made after a check-in at their shop that day. */
  onSite: Set<string>;
  /** Signed links to each visit's photos. */
  photos: Map<string, string[]>;
}
const LINE_WIDTHS = [12, 10, 18, 10, 18, 10, 8, 8, 12];
/** A unit named as a column value: singular ("carton"), as a header would say it. */
const ONE = 1;

export async function visitsWorkbook(env: ReportEnv, visits: VisitRecord[], media?: VisitMedia): Promise<Uint8Array> {
  const { t } = env;
  const h = t.reports.workbook;
  const join = (items: string[]) => t.format.list(items);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Fieldmate";

  const sheet = wb.addWorksheet(h.visitsSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = h.visitColumns.map((header, i) => ({ header, width: VISIT_WIDTHS[i] }));
  for (const v of visits) {
    const of = (kind: string) => v.lines.filter((l) => l.kind === kind);
    sheet.addRow([
      v.date,
      v.managerName,
      v.shopName,
      t.words.segment(v.segment),
      join(v.activities.map((a) => t.words.activity[a as Activity] ?? a)),
      join(of("stock").map((l) => stockLineWords(env, l))),
      join(of("out_of_stock").map((l) => productName(env, l.sku))),
      join(of("listed").map((l) => productName(env, l.sku))),
      join(of("order").map((l) => stockLineWords(env, l))),
      v.followUp ? t.reports.followUp(v.followUp) : "",
      v.feedback ? (v.feedbackText ?? h.yes) : "",
      v.compliance ? (v.complianceNote ?? h.yes) : "",
      timeWords(t, v.reportedAt, env.viewer.timezone, null),
      shortReference(v.id),
      media?.onSite.has(v.id) ? t.media.onSite : "",
      // One link per line of the cell; a spreadsheet opens them from there.
      (media?.photos.get(v.id) ?? []).join("\n"),
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: h.visitColumns.length } };

  const lines = wb.addWorksheet(h.linesSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  lines.columns = h.lineColumns.map((header, i) => ({ header, width: LINE_WIDTHS[i] }));
  for (const v of visits) {
    for (const l of v.lines) {
      const unit = unitOf(l.unit);
      const kind = l.kind in h.lineKind ? h.lineKind[l.kind as keyof typeof h.lineKind] : l.kind;
      lines.addRow([
        v.date,
        v.managerName,
        v.shopName,
        kind,
        productName(env, l.sku),
        l.sku,
        l.qty,
        unit ? t.format.unitName(unit, ONE) : l.unit,
        shortReference(v.id),
      ]);
    }
  }
  lines.getRow(1).font = { bold: true };
  lines.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: h.lineColumns.length } };

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
