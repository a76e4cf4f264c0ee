/** Supervisors' answers: team status, who has not reported, coverage, stock-outs, promotions, red flags, export. */
export { answerQuery, answerStatusQuestion, type ReportDeps } from "./answer-status.js";
export { type MemberStatus, type TeamStatus, teamStatus, teamTotals } from "./figures/team-status.js";
export { FileStore, files, reportFiles, type StoredFile } from "./files/file-store.js";
export { reportHandlers } from "./handlers.js";
export type { Period, ReportKind, StatusQuery } from "./query/query-types.js";
export { readPeriod } from "./query/read-period.js";
export { type QueryInput, readStatusQuery } from "./query/read-query.js";
export { type Member, type Scope, type ScopeNote, scopeFor } from "./scope.js";
export { type TeamReport, TeamReportError, teamReport } from "./team-report.js";
