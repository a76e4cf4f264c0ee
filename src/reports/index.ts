/** Supervisors' answers: team status, who has not reported, coverage, stock-outs, promotions, red flags, export. */
export { files, reportFiles } from "./files/file-store.js";
export { TeamReportError, teamReport } from "./team-report.js";
