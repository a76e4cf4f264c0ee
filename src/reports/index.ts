/** Supervisors' answers: team status, who has not reported, coverage, stock-outs, promotions, red flags, export. */
export { TeamReportError, teamReport } from "./team-report.js";
