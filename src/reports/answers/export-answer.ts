/**
 * "导出本周拜访记录" / "export this week's visits": the visits of the people in scope as an .xlsx,
 * offered as a file (the bytes, for channels that upload) behind a signed, short-lived /files/ link.
 */
import type { Reply } from "../../domain/messages.js";
import { photosOfVisits, visitsOnSite } from "../../media/media-queries.js";
import { photoLink } from "../../media/photo-links.js";
import { CONTENT_TYPES, FileTooLargeError } from "../../store/file-store.js";
import { type VisitMedia, visitsWorkbook } from "../export/visits-workbook.js";
import { countVisits, type VisitRecord, visitRecords } from "../figures/figure-queries.js";
import type { StatusQuery } from "../query/query-types.js";
import { periodWords } from "../render/report-words.js";
import type { ReportEnv } from "../report-env.js";
import type { Scope } from "../scope.js";

/** Photos linked from one export: a week of a team's shelf photos, not an archive. */
const EXPORT_PHOTO_LIMIT = 500;

/** Which visits were on site, and a signed link (absolute when the server knows its address) to each photo. */
async function visitMedia(env: ReportEnv, visits: VisitRecord[]): Promise<VisitMedia> {
  const ids = visits.map((v) => v.id);
  const [onSite, photos] = await Promise.all([
    visitsOnSite(env.db, visits),
    photosOfVisits(env.db, ids, EXPORT_PHOTO_LIMIT),
  ]);
  const base = env.publicBase?.() ?? "";
  const links = new Map<string, string[]>();
  for (const photo of photos) {
    const link = `${base}${await photoLink(env.files, photo)}`;
    links.set(photo.visitId, [...(links.get(photo.visitId) ?? []), link]);
  }
  return { onSite, photos: links };
}

/** Beyond this a workbook is too big to build while the chat waits; the answer asks to narrow it. */
const EXPORT_ROW_LIMIT = 20_000;

export async function answerExport(env: ReportEnv, query: StatusQuery, scope: Scope): Promise<Reply[]> {
  const words = env.t.reports.export;
  const ids = scope.members.map((m) => m.id);
  const when = periodWords(env.t, query.period, env.today);
  const total = await countVisits(env.db, ids, query.period);
  if (total > EXPORT_ROW_LIMIT) return [{ kind: "text", text: words.tooMany(scope.subject, when, total) }];
  const visits = await visitRecords(env.db, ids, query.period);
  const bytes = await visitsWorkbook(env, visits, await visitMedia(env, visits));
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
