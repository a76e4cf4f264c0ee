/**
 * "团队今天情况" / "how's the team doing this week": the status card, a planned-vs-done chart
 * where the channel shows images, and with "明细" the visits behind every figure.
 */
import type { Reply } from "../../domain/messages.js";
import { CONTENT_TYPES } from "../../store/file-store.js";
import { barChartSvg } from "../chart/bar-chart.js";
import { svgToPng } from "../chart/render-png.js";
import { countVisits, visitRecords } from "../figures/figure-queries.js";
import { type TeamStatus, teamStatus } from "../figures/team-status.js";
import type { StatusQuery } from "../query/query-types.js";
import { periodWords } from "../render/report-words.js";
import { teamStatusCard } from "../render/team-status-card.js";
import { LIST_LIMIT, visitListReply } from "../render/visit-list.js";
import type { ReportEnv } from "../report-env.js";
import type { Scope } from "../scope.js";

export async function answerTeamStatus(
  env: ReportEnv,
  query: StatusQuery,
  scope: Scope,
  people: string[],
): Promise<Reply[]> {
  const ids = scope.members.map((m) => m.id);
  if (query.details) {
    const [records, total] = await Promise.all([
      visitRecords(env.db, ids, query.period, { take: LIST_LIMIT }),
      countVisits(env.db, ids, query.period),
    ]);
    const heading = env.t.reports.status.detailsHeading(
      scope.subject,
      periodWords(env.t, query.period, env.today),
      total,
    );
    return [visitListReply(env, heading, scope.members, records, total)];
  }
  const status = await teamStatus(env.db, scope.members, query.period, env.today);
  const replies: Reply[] = [teamStatusCard(env, status, scope, query, people)];
  if (env.channel.images && status.members.length > 0) replies.push(await chartReply(env, status, scope));
  return replies;
}

/** The planned-vs-done chart as a PNG behind a signed /files/ link (and its bytes, for channels that upload). */
async function chartReply(env: ReportEnv, status: TeamStatus, scope: Scope): Promise<Reply> {
  const words = env.t.reports.chart;
  const when = periodWords(env.t, status.period, env.today);
  const svg = barChartSvg(
    status.members.map((m) => ({
      label: m.member.name,
      planned: m.plan ? m.plan.planned : null,
      // Without plan figures (long periods) every visit is shown as done.
      done: m.plan ? m.plan.done : m.totals.shops,
      extra: m.plan ? m.plan.extra : 0,
    })),
    { title: words.title(scope.subject), subtitle: when, ...words.legend },
  );
  const png = await svgToPng(svg);
  const url = await env.files.put(`team-status-${status.period.from}.png`, CONTENT_TYPES.png, png);
  return { kind: "image", title: words.caption(scope.subject, when), url, png };
}
