/**
 * "本周促销情况" / "promotions this week": sessions, consumers reached and what sold, in total and
 * per member, then every promotion with its record. Sales are summed per product and unit only
 * (cartons and packs are never added together).
 */
import type { Reply } from "../../domain/messages.js";
import { promotionRecords, type PromotionRecord } from "../figures/promotion-records.js";
import type { StatusQuery } from "../query/query-types.js";
import type { ReportEnv } from "../report-env.js";
import { promotionBrief, stockLineWords } from "../render/record-words.js";
import { listNames, periodWords } from "../render/report-words.js";
import { scopeLabel } from "../render/team-status-card.js";
import type { Scope } from "../scope.js";

export async function answerPromotions(env: ReportEnv, query: StatusQuery, scope: Scope): Promise<Reply[]> {
  const zh = env.lang === "zh";
  const records = await promotionRecords(env.db, scope.members.map((m) => m.id), query.period);
  const when = periodWords(query.period, env.today, env.lang);
  const who = scopeLabel(env, scope);
  if (records.length === 0) {
    return [{ kind: "text", text: zh ? `${when}${who}没有登记促销活动。` : `No promotions logged on ${who} ${when}.` }];
  }
  const consumers = records.reduce((n, p) => n + (p.consumers ?? 0), 0);
  const sales = salesWords(env, records);
  const out = [
    zh
      ? `${when}${who}促销活动 ${records.length} 场，触达消费者 ${consumers} 人${sales ? `，现场销售 ${sales}` : ""}。`
      : `${records.length} promotion${records.length === 1 ? "" : "s"} on ${who} ${when}, ${consumers} consumers reached${sales ? `, sold ${sales}` : ""}.`,
  ];
  const perMember = scope.members
    .map((m) => ({ m, own: records.filter((p) => p.managerId === m.id) }))
    .filter((x) => x.own.length)
    .map(({ m, own }) => {
      const reached = own.reduce((n, p) => n + (p.consumers ?? 0), 0);
      return zh ? `${m.name} ${own.length} 场（${reached} 人）` : `${m.name} ${own.length} (${reached} reached)`;
    });
  if (scope.members.length > 1) out.push(zh ? `按人：${listNames(perMember, "zh")}` : `By person: ${listNames(perMember, "en")}`);
  out.push("", ...records.map((p, i) => `${i + 1}. ${promotionBrief(env, p)}`));
  const unknown = records.filter((p) => p.consumers === null).length;
  if (unknown) out.push(zh ? `（有 ${unknown} 场没报触达人数，未计入。）` : `(${unknown} did not say how many consumers were reached; not counted.)`);
  return [{ kind: "text", text: out.join("\n") }];
}

function salesWords(env: ReportEnv, records: PromotionRecord[]): string {
  const sums = new Map<string, { sku: string; unit: string | null; qty: number }>();
  for (const line of records.flatMap((p) => p.sales)) {
    if (line.qty === null) continue;
    const key = `${line.sku}\u0000${line.unit ?? ""}`;
    const s = sums.get(key) ?? { sku: line.sku, unit: line.unit, qty: 0 };
    s.qty += line.qty;
    sums.set(key, s);
  }
  return listNames([...sums.values()].map((s) => stockLineWords(env, { kind: "sale", ...s })), env.lang);
}
