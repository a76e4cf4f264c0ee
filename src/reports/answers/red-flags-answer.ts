/**
 * "这周有没有违规" / "any red flags this week": every visit flagged for a forbidden practice
 * (强制上柜, 压货, 搭售, selling above the marked price) with the manager's own words and the record.
 * Listing them is for follow-up with the manager, never for blame by number.
 */
import type { Reply } from "../../domain/messages.js";
import { visitRecords } from "../figures/figure-queries.js";
import type { StatusQuery } from "../query/query-types.js";
import { visitBrief } from "../render/record-words.js";
import { periodWords } from "../render/report-words.js";
import type { ReportEnv } from "../report-env.js";
import type { Scope } from "../scope.js";

/** The manager's words sit under their record, indented. */
const QUOTE_INDENT = "   ";

export async function answerRedFlags(env: ReportEnv, query: StatusQuery, scope: Scope): Promise<Reply[]> {
  const words = env.t.reports.redFlags;
  const flags = await visitRecords(
    env.db,
    scope.members.map((m) => m.id),
    query.period,
    { onlyRedFlags: true },
  );
  const when = periodWords(env.t, query.period, env.today);
  if (flags.length === 0) return [{ kind: "text", text: words.none(scope.subject, when) }];
  const out = [words.heading(scope.subject, when, flags.length)];
  flags.forEach((v, i) => {
    out.push(`${i + 1}. ${visitBrief(env, v, { withManager: true, withDate: true })}`);
    if (v.complianceNote) out.push(QUOTE_INDENT + words.inTheirWords(v.complianceNote));
  });
  return [{ kind: "text", text: out.join("\n") }];
}
