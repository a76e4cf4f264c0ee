/**
 * "明细": the visits behind the figures, grouped by member, each with its reference. Long lists
 * are cut — a chat message is not a spreadsheet — and point to the export for the rest.
 */
import type { TextReply } from "../../domain/messages.js";
import type { VisitRecord } from "../figures/visit-records.js";
import type { ReportEnv } from "../report-env.js";
import type { Member } from "../scope.js";
import { visitBrief } from "./record-words.js";

export const LIST_LIMIT = 60;

export function visitListReply(env: ReportEnv, heading: string, members: Member[], records: VisitRecord[], total: number): TextReply {
  const zh = env.lang === "zh";
  const multiDay = records.some((r) => r.date !== records[0]?.date);
  const out: string[] = [heading];
  for (const m of members) {
    const own = records.filter((r) => r.managerId === m.id);
    if (!own.length) continue;
    out.push(zh ? `\n${m.name}（${own.length} 家次）：` : `\n${m.name} (${own.length}):`);
    own.forEach((r, i) => out.push(`${i + 1}. ${visitBrief(env, r, { withDate: multiDay })}`));
  }
  if (records.length === 0) out.push(zh ? "这段时间没有拜访记录。" : "No visits logged in this period.");
  if (total > records.length) {
    out.push(zh ? `\n……另有 ${total - records.length} 条未列出，完整记录请点「导出表格」。` : `\n…and ${total - records.length} more; use Export for the full list.`);
  }
  return { kind: "text", text: out.join("\n") };
}
