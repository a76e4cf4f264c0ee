import type { ReportMessages } from "../messages/reports.js";

export const reports: ReportMessages = {};
