/**
 * "导出本周拜访记录" / "export this week's visits": the visits of the people in scope as an .xlsx,
 * offered as a file (the bytes, for channels that upload) behind a short-lived /files/ link.
 */
import type { Reply } from "../../domain/messages.js";
import { visitsWorkbook } from "../export/visits-workbook.js";
import { CONTENT_TYPES } from "../files/file-store.js";
import { countVisits, visitRecords } from "../figures/visit-records.js";
import type { StatusQuery } from "../query/query-types.js";
import type { ReportEnv } from "../report-env.js";
import { periodWords } from "../render/report-words.js";
import { scopeLabel } from "../render/team-status-card.js";
import type { Scope } from "../scope.js";

/** Beyond this a workbook is too big to build while the chat waits; the answer asks to narrow it. */
export const EXPORT_ROW_LIMIT = 20_000;

export async function answerExport(env: ReportEnv, query: StatusQuery, scope: Scope): Promise<Reply[]> {
  const zh = env.lang === "zh";
  const ids = scope.members.map((m) => m.id);
  const when = periodWords(query.period, env.today, env.lang);
  const who = scopeLabel(env, scope);
  const total = await countVisits(env.db, ids, query.period);
  if (total > EXPORT_ROW_LIMIT) {
    return [{ kind: "text", text: zh ? `${when}${who}共 ${total} 条拜访，太多了，请缩短时间或指定一个组再导出。` : `${total} visits on ${who} ${when} is too many for one file; please pick a shorter period or one team.` }];
  }
  const visits = await visitRecords(env.db, ids, query.period);
  const bytes = await visitsWorkbook(env, visits);
  const filename = `visits-${(scope.team ?? (env.viewer.role === "manager" ? env.viewer.id : "all")).replace(/[^\p{L}\p{N}-]+/gu, "-")}-${query.period.from}-${query.period.to}.xlsx`;
  const url = env.files.put(filename, CONTENT_TYPES.xlsx, bytes);
  const title = zh ? `${who} ${when}拜访记录（${visits.length} 条）` : `${who} visits ${when} (${visits.length})`;
  const note = zh ? "表格里每行带记录编号，可与回执核对；下载链接 1 小时内有效。" : "Each row carries the record reference from the receipt; the link works for an hour.";
  return [
    { kind: "file", title, filename, url, bytes },
    { kind: "text", text: note },
  ];
}
