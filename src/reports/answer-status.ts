/**
 * The supervisor's questions answered: read the question, decide whose figures the asker may see,
 * and hand over to the one report it asks for. `answerStatusQuery` plugs into the bot as
 * BotExtensions.answerStatus.
 */
import type { Context } from "../core/context.js";
import type { Reply } from "../domain/messages.js";
import type { Person } from "../domain/roster.js";
import { answerCoverage } from "./answers/coverage-answer.js";
import { answerExport } from "./answers/export-answer.js";
import { answerMemberDetail } from "./answers/member-detail-answer.js";
import { answerNotReported } from "./answers/not-reported-answer.js";
import { answerPromotions } from "./answers/promotions-answer.js";
import { answerRedFlags } from "./answers/red-flags-answer.js";
import { answerStockOuts } from "./answers/stock-outs-answer.js";
import { answerTeamStatus } from "./answers/team-status-answer.js";
import { reportFiles } from "./files/file-store.js";
import type { StatusQuery } from "./query/query-types.js";
import { readStatusQuery } from "./query/read-query.js";
import type { ReportEnv } from "./report-env.js";
import { noteWords } from "./render/report-words.js";
import { scopeFor } from "./scope.js";

/** BotExtensions.answerStatus: the status question in `ctx.message.text`, answered for `ctx.person`. */
export async function answerStatusQuery(ctx: Context): Promise<Reply[]> {
  const [people, products] = await Promise.all([ctx.roster.people(), ctx.db.product.findMany({ select: { sku: true, name: true } })]);
  const parsed = ctx.parser.parse({ text: ctx.message.text, senderId: ctx.person.id, now: ctx.now });
  const query = readStatusQuery({
    text: ctx.message.text,
    today: ctx.today,
    people,
    teams: [...new Set(people.flatMap((p) => (p.team ? [p.team] : [])))],
    skus: parsed.products.flatMap((p) => p.candidates.map((c) => c.sku)),
  });
  ctx.logger.info({ report: query.report, period: query.period, team: query.team, people: query.personIds }, "status question read");
  const env: ReportEnv = {
    db: ctx.db,
    viewer: ctx.person,
    lang: ctx.lang,
    today: ctx.today,
    channel: ctx.message.channel,
    files: reportFiles,
    products: new Map(products.map((p) => [p.sku, p.name])),
  };
  return answerQuery(env, query, people);
}

/** One read question answered for `env.viewer`, with a note first when the scope was narrowed. */
export async function answerQuery(env: ReportEnv, query: StatusQuery, people: Pick<Person, "id" | "name">[]): Promise<Reply[]> {
  const scope = await scopeFor(env.db, env.viewer, query);
  const notes: Reply[] = scope.notes.map((n) => ({ kind: "text", text: noteWords(n, env.lang) }));
  const named = query.personIds.flatMap((id) => (scope.members.some((m) => m.id === id) ? [people.find((p) => p.id === id)?.name ?? id] : []));
  if (scope.members.length === 0) {
    return [...notes, { kind: "text", text: env.lang === "zh" ? "没有找到可以查看的客户经理。" : "There are no managers here for you to see." }];
  }
  const single = scope.members.length === 1 ? scope.members[0] : null;
  switch (query.report) {
    case "not_reported":
      return [...notes, ...(await answerNotReported(env, query, scope, named))];
    case "coverage":
      return [...notes, ...(await answerCoverage(env, query, scope, named))];
    case "stock_outs":
      return [...notes, ...(await answerStockOuts(env, query, scope))];
    case "promotions":
      return [...notes, ...(await answerPromotions(env, query, scope))];
    case "red_flags":
      return [...notes, ...(await answerRedFlags(env, query, scope))];
    case "export":
      return [...notes, ...(await answerExport(env, query, scope))];
    case "member_detail":
    case "team_status":
      // A question about one person (or a manager's own team question) reads best as that person's detail.
      if (single && (query.report === "member_detail" || env.viewer.role === "manager") && !query.details) {
        return [...notes, ...(await answerMemberDetail(env, query, scope, single))];
      }
      return [...notes, ...(await answerTeamStatus(env, query, scope, named))];
  }
}
