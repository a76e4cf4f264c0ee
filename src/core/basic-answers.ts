/**
 * Plain answers for "what's my plan" and "how's the team today", used until the plans and
 * reports modules are plugged in as bot extensions (they answer with routes, reasons and charts).
 */
import { addDays } from "../domain/local-day.js";
import type { Context } from "./context.js";
import type { Reply } from "./messages.js";

const EVERY_DAYS: Record<string, number> = { brand_store: 7, premium_store: 14, standard: 28, rural: 28 };
const CAPACITY = 25;

/** Shops due today by their segment's visit frequency, most overdue first. */
export async function basicPlan(ctx: Context): Promise<Reply[]> {
  const shops = await ctx.db.retailer.findMany({ where: { managerId: ctx.person.id, active: true }, orderBy: { id: "asc" } });
  const last = await ctx.db.visit.groupBy({ by: ["retailerId"], where: { retailerId: { in: shops.map((s) => s.id) }, status: "active" }, _max: { date: true } });
  const lastSeen = new Map(last.map((l) => [l.retailerId, l._max.date]));
  const due = shops
    .map((s) => ({ shop: s, dueOn: lastSeen.get(s.id) ? addDays(lastSeen.get(s.id)!, EVERY_DAYS[s.segment] ?? 28) : "0000-00-00" }))
    .filter((d) => d.dueOn <= ctx.today)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .slice(0, CAPACITY);
  const zh = ctx.lang === "zh";
  if (!due.length) return [{ kind: "text", text: zh ? "今天没有到期要拜访的店。" : "No shops are due today." }];
  const list = due.map((d, i) => `${i + 1}. ${d.shop.name}`).join("\n");
  return [{ kind: "text", text: zh ? `今天到期该拜访的店（${due.length}家）：\n${list}` : `Shops due today (${due.length}):\n${list}` }];
}

/** Visits logged today per member; a manager gets only their own figures. */
export async function basicStatus(ctx: Context): Promise<Reply[]> {
  const zh = ctx.lang === "zh";
  const members =
    ctx.person.role === "manager" || !ctx.person.team
      ? [ctx.person]
      : await ctx.db.person.findMany({ where: { team: ctx.person.team, role: "manager", active: true }, orderBy: { id: "asc" } });
  const counts = await ctx.db.visit.groupBy({ by: ["managerId"], where: { managerId: { in: members.map((m) => m.id) }, date: ctx.today, status: "active" }, _count: true });
  const byId = new Map(counts.map((c) => [c.managerId, c._count]));
  const lines = members.map((m) => `${m.name}: ${byId.get(m.id) ?? 0}${zh ? " 家" : ""}`);
  const silent = members.filter((m) => !byId.get(m.id)).map((m) => m.name);
  const head = zh ? `今天（${ctx.today}）拜访情况：` : `Visits today (${ctx.today}):`;
  const tail = silent.length ? (zh ? `\n还没报：${silent.join("、")}` : `\nNot reported yet: ${silent.join(", ")}`) : "";
  const note = ctx.person.role === "manager" ? (zh ? "\n（客户经理只能看到自己的数据）" : "\n(Managers see their own figures only.)") : "";
  return [{ kind: "text", text: `${head}\n${lines.join("\n")}${tail}${note}` }];
}
