/**
 * Every report a supervisor can ask for, by kind: a new question is its kind in REPORT_KINDS
 * (query/query-types.ts) and one line here (the type check asks for it), its answer in this folder.
 */
import type { Reply } from "../../domain/messages.js";
import type { ReportKind, StatusQuery } from "../query/query-types.js";
import type { ReportEnv } from "../report-env.js";
import type { Scope } from "../scope.js";
import { answerCoverage } from "./coverage-answer.js";
import { answerExport } from "./export-answer.js";
import { answerMemberDetail } from "./member-detail-answer.js";
import { answerNotReported } from "./not-reported-answer.js";
import { answerPromotions } from "./promotions-answer.js";
import { answerRedFlags } from "./red-flags-answer.js";
import { answerStockOuts } from "./stock-outs-answer.js";
import { answerTeamStatus } from "./team-status-answer.js";

/** One report answered for the people in `scope`; `named` are the visible people the question named. */
export type ReportAnswer = (env: ReportEnv, query: StatusQuery, scope: Scope, named: string[]) => Promise<Reply[]>;

/** Team status about one person (or a manager's own team question) reads best as that person's detail. */
const teamOrMember: ReportAnswer = (env, query, scope, named) => {
  const [single, ...others] = scope.members;
  const aboutOne = single && others.length === 0 && (query.report === "member_detail" || scope.subject.kind === "self");
  return aboutOne && !query.details
    ? answerMemberDetail(env, query, scope, single)
    : answerTeamStatus(env, query, scope, named);
};

export const REPORT_ANSWERS: Record<ReportKind, ReportAnswer> = {
  team_status: teamOrMember,
  member_detail: teamOrMember,
  not_reported: answerNotReported,
  coverage: answerCoverage,
  stock_outs: (env, query, scope) => answerStockOuts(env, query, scope),
  promotions: (env, query, scope) => answerPromotions(env, query, scope),
  red_flags: (env, query, scope) => answerRedFlags(env, query, scope),
  export: (env, query, scope) => answerExport(env, query, scope),
};
