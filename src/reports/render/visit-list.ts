/**
 * "明细": the visits behind the figures, grouped by member, each with its reference. Long lists
 * are cut — a chat message is not a spreadsheet — and point to the export for the rest.
 */
import type { TextReply } from "../../domain/messages.js";
import type { VisitRecord } from "../figures/figure-queries.js";
import type { ReportEnv } from "../report-env.js";
import type { Member } from "../scope.js";
import { visitBrief } from "./record-words.js";

export const LIST_LIMIT = 60;

export function visitListReply(
  env: ReportEnv,
  heading: string,
  members: Member[],
  records: VisitRecord[],
  total: number,
): TextReply {
  const words = env.t.reports.status;
  const multiDay = records.some((r) => r.date !== records[0]?.date);
  const out: string[] = [heading];
  for (const m of members) {
    const own = records.filter((r) => r.managerId === m.id);
    if (!own.length) continue;
    out.push("", words.memberHeading(m.name, own.length));
    for (const [i, r] of own.entries()) out.push(`${i + 1}. ${visitBrief(env, r, { withDate: multiDay })}`);
  }
  if (records.length === 0) out.push(words.noVisits);
  if (total > records.length) out.push("", words.moreInExport(total - records.length));
  return { kind: "text", text: out.join("\n") };
}
