/**
 * The supervisor's questions answered: read the question, decide whose figures the asker may see,
 * and hand over to the one report it asks for.
 */
import type { Context } from "../core/context.js";
import type { Reply } from "../domain/messages.js";
import type { Person } from "../domain/roster.js";
import type { Db } from "../store/database.js";
import type { FileSink } from "../store/file-store.js";
import { RosterStore } from "../store/roster-store.js";
import { REPORT_ANSWERS } from "./answers/index.js";
import type { StatusQuery } from "./query/query-types.js";
import { readStatusQuery } from "./query/read-query.js";
import type { ReportEnv } from "./report-env.js";
import { productNames } from "./report-queries.js";
import { scopeFor } from "./scope.js";

/** What the reports need from the app: the database and where charts and exports wait for download. */
export interface ReportDeps {
  db: Db;
  files: FileSink;
  /** PUBLIC_URL or the server's address, so links inside an export work outside the chat. */
  publicBase?: () => string;
}

/** The status question in `ctx.message.text`, answered for `ctx.person` in `ctx.t`, with a chart where `ctx.channel` shows images. */
export async function answerStatusQuestion(deps: ReportDeps, ctx: Context): Promise<Reply[]> {
  const [people, products] = await Promise.all([new RosterStore(deps.db).people(), productNames(deps.db)]);
  const parsed = ctx.parser.parse({ text: ctx.message.text, senderId: ctx.person.id, now: ctx.now });
  const query = readStatusQuery({
    text: ctx.message.text,
    today: ctx.today,
    people,
    teams: [...new Set(people.flatMap((p) => (p.team ? [p.team] : [])))],
    skus: parsed.products.flatMap((p) => p.candidates.map((c) => c.sku)),
  });
  ctx.log.info(
    { report: query.report, period: query.period, team: query.team, people: query.personIds },
    "status question read",
  );
  const env: ReportEnv = {
    db: deps.db,
    viewer: ctx.person,
    t: ctx.t,
    today: ctx.today,
    channel: ctx.channel,
    files: deps.files,
    publicBase: deps.publicBase,
    products,
  };
  return answerQuery(env, query, people);
}

/** One read question answered for `env.viewer`, with a note first when the scope was narrowed. */
export async function answerQuery(
  env: ReportEnv,
  query: StatusQuery,
  people: Pick<Person, "id" | "name">[],
): Promise<Reply[]> {
  const scope = await scopeFor(env.db, env.viewer, query);
  const notes: Reply[] = scope.notes.map((n) => ({ kind: "text", text: env.t.reports.note(n) }));
  const named = query.personIds.flatMap((id) =>
    scope.members.some((m) => m.id === id) ? [people.find((p) => p.id === id)?.name ?? id] : [],
  );
  if (scope.members.length === 0) return [...notes, { kind: "text", text: env.t.reports.noManagers }];
  return [...notes, ...(await REPORT_ANSWERS[query.report](env, query, scope, named))];
}
