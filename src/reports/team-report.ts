/**
 * A team's status for one day outside the chat (the `status` command, scripts and tests): the
 * same figures and wording as the chat answer, plus a JSON shape with every record reference.
 */
import { shortReference } from "../visits/receipt.js";
import { replyToPlainText } from "../domain/messages.js";
import { localDay } from "../domain/calendar.js";
import type { Lang, Person } from "../domain/roster.js";
import type { Db } from "../store/database.js";
import { reportFiles } from "./files/file-store.js";
import { teamStatus, teamTotals, type TeamStatus } from "./figures/team-status.js";
import { visitRecords } from "./figures/visit-records.js";
import type { StatusQuery } from "./query/query-types.js";
import type { ReportEnv } from "./report-env.js";
import { teamStatusCard } from "./render/team-status-card.js";
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

export async function teamReport(db: Db, team: string, day: string, lang?: Lang): Promise<TeamReport> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) throw new TeamReportError("REPORT_BAD_DAY", `not a day: ${day} (use YYYY-MM-DD)`);
  const teamRow = await db.team.findUnique({ where: { name: team } });
  const anyone = await db.person.findFirst({ where: { team }, orderBy: [{ role: "desc" }, { id: "asc" }] });
  if (!teamRow && !anyone) throw new TeamReportError("REPORT_UNKNOWN_TEAM", `unknown team ${team}`);
  // Read as an admin of that team would: every manager of it, nothing else.
  const viewer: Person = {
    id: "cli",
    name: "cli",
    role: "admin",
    team,
    supervisorId: null,
    lang: lang ?? ((anyone?.lang as Lang | undefined) ?? "zh"),
    timezone: teamRow?.timezone ?? anyone?.timezone ?? "Asia/Shanghai",
    email: null,
  };
  const query: StatusQuery = { report: "team_status", period: { kind: "day", from: day, to: day, said: true }, skus: [], personIds: [], team, details: false };
  const scope = await scopeFor(db, viewer, query);
  // Worded against the real today ("昨天", "11月20日"); a plan is made even for a day still to come.
  const today = localDay(new Date(), viewer.timezone);
  const status = await teamStatus(db, scope.members, query.period, day > today ? day : today);
  const products = new Map((await db.product.findMany({ select: { sku: true, name: true } })).map((p) => [p.sku, p.name]));
  const env: ReportEnv = { db, viewer, lang: viewer.lang, today, channel: "web", files: reportFiles, products };
  const text = replyToPlainText({ ...teamStatusCard(env, status, scope, query, []), actions: [] }, viewer.lang);
  const visits = await visitRecords(db, scope.members.map((m) => m.id), query.period);
  return { status, text, json: toJson(team, day, status, visits) };
}

function toJson(team: string, day: string, status: TeamStatus, visits: Awaited<ReturnType<typeof visitRecords>>) {
  const totals = teamTotals(status);
  return {
    team,
    date: day,
    members: status.members.map(({ member, totals: t, plan }) => ({
      id: member.id,
      name: member.name,
      planned: plan?.planned ?? null,
      done: plan?.done ?? null,
      offPlan: plan?.extra ?? null,
      skipped: plan?.skipped ?? null,
      dayOff: plan ? plan.days.every((d) => d.plan.dayOff !== null) : null,
      visits: t.visits,
      shops: t.shops,
      stockOuts: t.stockOuts,
      promotions: t.promotions,
      consumers: t.consumers,
      redFlags: t.redFlags,
      lastReportAt: t.lastReportAt?.toISOString() ?? null,
      records: visits.filter((v) => v.managerId === member.id).map((v) => ({ reference: shortReference(v.id), id: v.id, shop: v.shopName })),
    })),
    totals: { ...totals, lastReportAt: undefined },
    notReported: status.members.filter((m) => m.totals.visits === 0).map((m) => m.member.id),
    redFlags: status.redFlags.map((v) => ({ reference: shortReference(v.id), id: v.id, managerId: v.managerId, shop: v.shopName, note: v.complianceNote })),
  };
}
