/** "张记上次什么时候去的" / "when did I last see Joe's": the shop's last visits, open stock-outs and feedback. */
import { daysBetween } from "../domain/calendar.js";
import type { Reply } from "../domain/messages.js";
import type { Context } from "../core/context.js";
import { visiblePeople } from "./access.js";
import { loadNames } from "../store/name-book.js";
import { factLines } from "../visits/receipt.js";
import { dayWords, listWords } from "../core/wording.js";

const SHOWN_VISITS = 3;
const FEEDBACK_DAYS = 60;

export async function answerShopHistory(ctx: Context): Promise<Reply[]> {
  const result = ctx.parser.parse({ text: ctx.message.text, senderId: ctx.person.id, now: ctx.now });
  const zh = ctx.lang === "zh";
  const resolved = result.shops.find((s) => s.id);
  if (!resolved) {
    const ambiguous = result.shops.find((s) => s.candidates.length > 1);
    if (ambiguous) {
      return [
        {
          kind: "choices",
          text: zh ? `「${ambiguous.mention.text}」有好几家，问的是哪一家？` : `Which "${ambiguous.mention.text}" do you mean?`,
          choices: ambiguous.candidates.map((c) => ({ label: c.name, value: zh ? `${c.name}上次什么时候去的` : `when did we last see ${c.name}` })),
        },
      ];
    }
    return [{ kind: "text", text: zh ? "问的是哪家店？请带上店名，例如「张记上次什么时候去的」。" : "Which shop? Include its name, e.g. \"when did I last see Joe's\"." }];
  }
  const shop = await ctx.db.retailer.findUnique({ where: { id: resolved.id! }, include: { manager: true } });
  if (!shop) return [];
  const visible = await visiblePeople(ctx.db, ctx.person);
  if (visible !== "all" && shop.managerId && !visible.includes(shop.managerId)) {
    return [{ kind: "text", text: zh ? `${shop.name} 不在您组的片区，看不到它的记录。` : `${shop.name} isn't on your team's route, so I can't show its records.` }];
  }
  const visits = await ctx.records.visitsOfShop(shop.id, SHOWN_VISITS);
  if (visits.length === 0) {
    return [{ kind: "text", text: zh ? `${shop.name} 还没有拜访记录。` : `There are no visits to ${shop.name} on record yet.` }];
  }
  const skus = visits.flatMap((v) => [...v.stock.map((l) => l.sku), ...v.outOfStock, ...v.listed, ...v.orders.map((l) => l.sku)]);
  const names = await loadNames(ctx.db, [shop.id], skus);
  const who = new Map((await ctx.db.person.findMany({ where: { id: { in: visits.map((v) => v.managerId) } } })).map((p) => [p.id, p.name]));
  const [latest] = visits;
  const ago = daysBetween(latest.date, ctx.today);
  const lines: { label: string; value: string }[] = visits.map((v, i) => ({
    label: i === 0 ? (zh ? "上次拜访" : "Last visit") : zh ? "之前" : "Before",
    value: `${dayWords(v.date, ctx.lang)}${i === 0 ? agoWords(ago, ctx.lang) : ""}${zh ? "，" : ", "}${who.get(v.managerId) ?? v.managerId}${summary(v, names, ctx.lang)}`,
  }));
  if (latest.outOfStock.length) {
    lines.push({ label: zh ? "未解决的断货" : "Open stock-outs", value: listWords(latest.outOfStock.map((s) => names.product(s)), ctx.lang) });
  }
  const feedback = visits.filter((v) => v.feedback && daysBetween(v.date, ctx.today) <= FEEDBACK_DAYS && v.note);
  for (const v of feedback) lines.push({ label: zh ? "老板反馈" : "Owner feedback", value: `${dayWords(v.date, ctx.lang)}「${truncate(v.note!, 80)}」` });
  return [{ kind: "card", title: zh ? `📍 ${shop.name}` : `📍 ${shop.name}`, lines, actions: [], footer: shop.manager ? (zh ? `负责人：${shop.manager.name}` : `Manager: ${shop.manager.name}`) : undefined }];
}

function summary(visit: Parameters<typeof factLines>[0], names: Parameters<typeof factLines>[1], lang: "zh" | "en"): string {
  const facts = factLines(visit, names, lang).filter((l) => !l.label.includes("⚠"));
  if (!facts.length) return "";
  return " — " + facts.map((l) => `${l.label} ${l.value}`).join(lang === "zh" ? "；" : "; ");
}

function agoWords(days: number, lang: "zh" | "en"): string {
  if (lang === "zh") return days === 0 ? "（今天）" : days === 1 ? "（昨天）" : `（${days}天前）`;
  return days === 0 ? " (today)" : days === 1 ? " (yesterday)" : ` (${days} days ago)`;
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
