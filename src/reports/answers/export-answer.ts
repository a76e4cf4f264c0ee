/**
 * "导出本周拜访记录" / "export this week's visits": the visits of the people in scope as an .xlsx,
 * offered as a file (the bytes, for channels that upload) behind a signed, short-lived /files/ link.
 */
import type { Reply } from "../../domain/messages.js";
import { CONTENT_TYPES, FileTooLargeError } from "../../store/file-store.js";
import { visitsWorkbook } from "../export/visits-workbook.js";
import { countVisits, visitRecords } from "../figures/figure-queries.js";
import type { StatusQuery } from "../query/query-types.js";
import { periodWords } from "../render/report-words.js";
import type { ReportEnv } from "../report-env.js";
import type { Scope } from "../scope.js";

/** Beyond this a workbook is too big to build while the chat waits; the answer asks to narrow it. */
const EXPORT_ROW_LIMIT = 20_000;

export async function answerExport(env: ReportEnv, query: StatusQuery, scope: Scope): Promise<Reply[]> {
  const words = env.t.reports.export;
  const ids = scope.members.map((m) => m.id);
  const when = periodWords(env.t, query.period, env.today);
  const total = await countVisits(env.db, ids, query.period);
  if (total > EXPORT_ROW_LIMIT) return [{ kind: "text", text: words.tooMany(scope.subject, when, total) }];
  const visits = await visitRecords(env.db, ids, query.period);
  const bytes = await visitsWorkbook(env, visits);
  const whose = scope.team ?? (scope.subject.kind === "self" ? env.viewer.id : "all");
  const filename = `visits-${whose.replace(/[^\p{L}\p{N}-]+/gu, "-")}-${query.period.from}-${query.period.to}.xlsx`;
  let url: string;
  try {
    url = await env.files.put(filename, CONTENT_TYPES.xlsx, bytes);
  } catch (error) {
    // Past the file store's byte cap: as with too many rows, ask for a narrower export.
    if (error instanceof FileTooLargeError) return [{ kind: "text", text: words.tooMany(scope.subject, when, total) }];
    throw error;
  }
  return [
    { kind: "file", title: words.title(scope.subject, when, visits.length), filename, url, bytes },
    { kind: "text", text: words.note },
  ];
}
