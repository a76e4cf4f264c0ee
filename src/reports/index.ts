/** Supervisors' answers: team status, who has not reported, coverage, stock-outs, promotions, red flags, export. */
export { answerQuery, answerStatusQuestion, type ReportDeps } from "./answer-status.js";
export { reportHandlers } from "./handlers.js";
export { files, FileStore, reportFiles, type StoredFile } from "./files/file-store.js";
export { readStatusQuery, type QueryInput } from "./query/read-query.js";
export { readPeriod } from "./query/read-period.js";
export type { Period, ReportKind, StatusQuery } from "./query/query-types.js";
export { scopeFor, type Member, type Scope, type ScopeNote } from "./scope.js";
export { teamStatus, teamTotals, type MemberStatus, type TeamStatus } from "./figures/team-status.js";
export { teamReport, TeamReportError, type TeamReport } from "./team-report.js";
