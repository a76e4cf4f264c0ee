/**
 * "这周有没有违规" / "any red flags this week": every visit flagged for a forbidden practice
 * (强制上柜, 压货, 搭售, selling above the marked price) with the manager's own words and the record.
 * Listing them is for follow-up with the manager, never for blame by number.
 */
import type { Reply } from "../../domain/messages.js";
import { visitRecords } from "../figures/visit-records.js";
import type { StatusQuery } from "../query/query-types.js";
import type { ReportEnv } from "../report-env.js";
import { visitBrief } from "../render/record-words.js";
import { periodWords } from "../render/report-words.js";
import { scopeLabel } from "../render/team-status-card.js";
import type { Scope } from "../scope.js";

export async function answerRedFlags(env: ReportEnv, query: StatusQuery, scope: Scope): Promise<Reply[]> {
  const zh = env.lang === "zh";
  const flags = await visitRecords(env.db, scope.members.map((m) => m.id), query.period, { onlyRedFlags: true });
  const when = periodWords(query.period, env.today, env.lang);
  const who = scopeLabel(env, scope);
  if (flags.length === 0) {
    return [{ kind: "text", text: zh ? `${when}${who}没有合规提示。` : `No red flags on ${who} ${when}.` }];
  }
  const out = [
    zh ? `${when}${who}合规提示 ${flags.length} 条，请逐条跟进核实：` : `${flags.length} red flag${flags.length === 1 ? "" : "s"} on ${who} ${when} — please follow up on each:`,
  ];
  flags.forEach((v, i) => {
    out.push(`${i + 1}. ${visitBrief(env, v, { withManager: true, withDate: true })}`);
    if (v.complianceNote) out.push(zh ? `   原话：「${v.complianceNote}」` : `   In their words: "${v.complianceNote}"`);
  });
  return [{ kind: "text", text: out.join("\n") }];
}
