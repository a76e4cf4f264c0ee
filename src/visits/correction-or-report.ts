/**
 * Is a message that opens like a correction one? Its opening words alone cannot tell: "No Sprite left
 * at Joe's, 6 cases Diet Coke" and "不是很忙，黄记 硬中华5条" are new reports. The message's reading
 * decides: a complete new report (a known shop and facts about it) is a report, whatever it starts
 * with; a correction changes named facts of a previous record and carries no new visit; a message
 * that could be either gets one short question.
 */
import type { ParseResult } from "../parse/index.js";
import type { StoredRecord } from "../store/record-store.js";
import type { Correction } from "./corrections.js";
import { reportedShops } from "./report-content.js";

export type Verdict = "correction" | "report" | "either";

export function correctionOrReport(correction: Correction, reading: ParseResult, targets: StoredRecord[]): Verdict {
  // Undo, edit and removals name no visit; a #reference names the record being changed.
  if (correction.kind !== "amend" || correction.references.length > 0) return "correction";
  const reported = reportedShops(reading);
  if (reported.length === 0) return "correction";
  if (targets.length === 0) return "report";
  const targetShops = new Set(targets.flatMap((r) => (r.type === "visit" ? [r.retailer] : r.retailers)));
  const sameShops = reported.every((shop) => targetShops.has(shop));
  // "不是张记，是旺旺 硬中华5条" / "not Joe's, Sunrise: 5 cases": it names the last record's shop only to deny it.
  const deniesTarget = reading.shops.some((s) => s.id && targetShops.has(s.id) && !reported.includes(s.id));
  if (deniesTarget) return correction.plainly ? "correction" : "either";
  // "不对，张记硬中华15条" after a 张记 record fixes it; after a 旺旺 record it may move it, or be a new visit.
  if (correction.plainly) return sameShops ? "correction" : "either";
  // "not Sunrise, Joe's: 5 cases" after a Sunrise record: the last record's shop and another one, both with facts.
  if (!sameShops) return reported.some((shop) => targetShops.has(shop)) ? "either" : "report";
  // "Actually Joe's had 5 cases" about today's Joe's visit adds to that visit (the same result as a
  // correction, and undo takes it back); about an older visit it may be a correction or today's report.
  const days = new Set(reading.records.map((r) => r.date.value));
  const sameDay = targets.some((r) => r.type === "visit" && days.has(r.date));
  return sameDay ? "report" : "either";
}
