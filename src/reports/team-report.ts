/**
 * A team's status for one day outside the chat (the `status` command, scripts and tests): the
 * same figures and wording as the chat answer, plus a JSON shape with every record reference.
 */
import { replyToPlainText } from "../core/plain-text.js";
import { localDay } from "../domain/calendar.js";
import type { ChannelCapabilities } from "../domain/messages.js";
import { shortReference } from "../domain/reference.js";
import type { Lang, Person } from "../domain/roster.js";
import { messagesFor } from "../locales/index.js";
import type { Db } from "../store/database.js";
import { type VisitRecord, visitRecords } from "./figures/figure-queries.js";
import { type TeamStatus, teamStatus, teamTotals } from "./figures/team-status.js";
import type { StatusQuery } from "./query/query-types.js";
import { teamStatusCard } from "./render/team-status-card.js";
import type { ReportEnv } from "./report-env.js";
import { productNames, someoneOn, teamNamed } from "./report-queries.js";
import { scopeFor } from "./scope.js";

export class TeamReportError extends Error {
  constructor(
    readonly code: "REPORT_UNKNOWN_TEAM" | "REPORT_BAD_DAY",
    message: string,
  ) {
    super(message);
  }
}

export interface TeamReport {
  status: TeamStatus;
  text: string;
  json: unknown;
}

/** A terminal shows text only. */
const TERMINAL: ChannelCapabilities = { images: false, files: false, buttons: false };
/** Nothing for a terminal is offered as a file (TERMINAL has neither images nor files). */
const NO_FILES = {
  put: () => Promise.reject(new Error("a team report for the terminal offers no files")),
};
/** The language of a team with no people yet, unless one is asked for (the roster's own default). */
const DEFAULT_LANG: Lang = "zh";

export async function teamReport(db: Db, team: string, day: string, lang?: Lang): Promise<TeamReport> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)))
    throw new TeamReportError("REPORT_BAD_DAY", `not a day: ${day} (use YYYY-MM-DD)`);
  const [teamRow, anyone] = [await teamNamed(db, team), await someoneOn(db, team)];
  // A team is known by its row or its people, and both carry a time zone: no default is ever needed.
  const timezone = teamRow?.timezone ?? anyone?.timezone;
  if (timezone === undefined) throw new TeamReportError("REPORT_UNKNOWN_TEAM", `unknown team ${team}`);
  // Read as an admin of that team would: every manager of it, nothing else.
  const viewer: Person = {
    id: "cli",
    name: "cli",
    role: "admin",
    team,
    supervisorId: null,
    lang: lang ?? anyone?.lang ?? DEFAULT_LANG,
    timezone,
    email: null,
  };
  const t = messagesFor(viewer.lang);
  const query: StatusQuery = {
    report: "team_status",
    period: { kind: "day", from: day, to: day, said: true },
    skus: [],
    personIds: [],
    team,
    details: false,
  };
  const scope = await scopeFor(db, viewer, query);
  // Worded against the real today ("昨天", "11月20日"); a plan is made even for a day still to come.
  const today = localDay(new Date(), viewer.timezone);
  const status = await teamStatus(db, scope.members, query.period, day > today ? day : today);
  const env: ReportEnv = {
    db,
    viewer,
    t,
    today,
    channel: TERMINAL,
    files: NO_FILES,
    products: await productNames(db),
  };
  const text = replyToPlainText({ ...teamStatusCard(env, status, scope, query, []), actions: [] }, t);
  const visits = await visitRecords(
    db,
    scope.members.map((m) => m.id),
    query.period,
  );
  return { status, text, json: toJson(team, day, status, visits) };
}

function toJson(team: string, day: string, status: TeamStatus, visits: VisitRecord[]) {
  const totals = teamTotals(status);
  return {
    team,
    date: day,
    members: status.members.map((m) => ({
      id: m.member.id,
      name: m.member.name,
      planned: m.plan?.planned ?? null,
      done: m.plan?.done ?? null,
      offPlan: m.plan?.extra ?? null,
      skipped: m.plan?.skipped ?? null,
      dayOff: m.plan ? m.plan.days.every((d) => d.plan.dayOff !== null) : null,
      visits: m.totals.visits,
      shops: m.totals.shops,
      stockOuts: m.totals.stockOuts,
      promotions: m.totals.promotions,
      consumers: m.totals.consumers,
      redFlags: m.totals.redFlags,
      lastReportAt: m.totals.lastReportAt?.toISOString() ?? null,
      records: visits
        .filter((v) => v.managerId === m.member.id)
        .map((v) => ({ reference: shortReference(v.id), id: v.id, shop: v.shopName })),
    })),
    totals: { ...totals, lastReportAt: undefined },
    notReported: status.members.filter((m) => m.totals.visits === 0).map((m) => m.member.id),
    redFlags: status.redFlags.map((v) => ({
      reference: shortReference(v.id),
      id: v.id,
      managerId: v.managerId,
      shop: v.shopName,
      note: v.complianceNote,
    })),
  };
}
