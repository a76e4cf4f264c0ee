/**
 * "本周促销情况" / "promotions this week": sessions, consumers reached and what sold, in total and
 * per member, then every promotion with its record. Sales are summed per product and unit only
 * (cartons and packs are never added together).
 */
import type { Reply } from "../../domain/messages.js";
import { type PromotionRecord, promotionRecords } from "../figures/figure-queries.js";
import type { StatusQuery } from "../query/query-types.js";
import { promotionBrief, stockLineWords } from "../render/record-words.js";
import { periodWords } from "../render/report-words.js";
import type { ReportEnv } from "../report-env.js";
import type { Scope } from "../scope.js";

export async function answerPromotions(env: ReportEnv, query: StatusQuery, scope: Scope): Promise<Reply[]> {
  const { t } = env;
  const words = t.reports.promotions;
  const records = await promotionRecords(
    env.db,
    scope.members.map((m) => m.id),
    query.period,
  );
  const when = periodWords(t, query.period, env.today);
  if (records.length === 0) return [{ kind: "text", text: words.none(scope.subject, when) }];
  const consumers = records.reduce((n, p) => n + (p.consumers ?? 0), 0);
  const out = [words.summary(scope.subject, when, records.length, consumers, salesWords(env, records))];
  const perMember = scope.members
    .map((m) => ({ m, own: records.filter((p) => p.managerId === m.id) }))
    .filter((x) => x.own.length)
    .map(({ m, own }) =>
      words.perMember(
        m.name,
        own.length,
        own.reduce((n, p) => n + (p.consumers ?? 0), 0),
      ),
    );
  if (scope.members.length > 1) out.push(words.byPerson(t.format.list(perMember)));
  out.push("", ...records.map((p, i) => `${i + 1}. ${promotionBrief(env, p)}`));
  const unknown = records.filter((p) => p.consumers === null).length;
  if (unknown) out.push(words.unknownConsumers(unknown));
  return [{ kind: "text", text: out.join("\n") }];
}

/** What sold, summed per product and unit; null when nothing was counted. */
function salesWords(env: ReportEnv, records: PromotionRecord[]): string | null {
  const sums = new Map<string, { sku: string; unit: string | null; qty: number }>();
  for (const line of records.flatMap((p) => p.sales)) {
    if (line.qty === null) continue;
    const key = `${line.sku}\u0000${line.unit ?? ""}`;
    const s = sums.get(key) ?? { sku: line.sku, unit: line.unit, qty: 0 };
    s.qty += line.qty;
    sums.set(key, s);
  }
  return sums.size
    ? env.t.format.list([...sums.values()].map((s) => stockLineWords(env, { kind: "sale", ...s })))
    : null;
}
