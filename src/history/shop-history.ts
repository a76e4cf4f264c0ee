/** "张记上次什么时候去的" / "when did I last see Joe's": the shop's last visits, open stock-outs and feedback. */
import type { Context } from "../core/context.js";
import { mayReach } from "../core/visibility.js";
import { daysBetween } from "../domain/calendar.js";
import type { Reply } from "../domain/messages.js";
import { latestPhotosOfShop } from "../media/media-queries.js";
import { photoImage } from "../media/photo-links.js";
import type { Db } from "../store/database.js";
import type { FileSink } from "../store/file-store.js";
import { loadNames } from "../store/name-book.js";
import type { RecordStore } from "../store/record-store.js";
import { factLines } from "../visits/receipt.js";
import { peopleNames, shopWithManager } from "./history-queries.js";

const SHOWN_VISITS = 3;
const SHOWN_PHOTOS = 3;
/** Feedback older than this has been dealt with or forgotten: not worth repeating. */
const FEEDBACK_DAYS = 60;
const QUOTED_FEEDBACK_CHARS = 80;

export interface HistoryDeps {
  db: Db;
  records: RecordStore;
  /** Where the shop's latest photos are linked from. */
  files?: FileSink;
}

export async function answerShopHistory(ctx: Context, deps: HistoryDeps): Promise<Reply[]> {
  const h = ctx.t.history;
  const result = ctx.parser.parse({ text: ctx.message.text, senderId: ctx.person.id, now: ctx.now });
  const resolved = result.shops.find((s) => s.id);
  if (!resolved?.id) {
    const ambiguous = result.shops.find((s) => s.candidates.length > 1);
    if (ambiguous) {
      return [
        {
          kind: "choices",
          text: h.whichShop(ambiguous.mention.text),
          choices: ambiguous.candidates.map((c) => ({ label: c.name, value: h.askAbout(c.name) })),
        },
      ];
    }
    return [{ kind: "text", text: h.noShopNamed }];
  }
  const shop = await shopWithManager(deps.db, resolved.id);
  if (!shop) return [];
  if (shop.manager && !mayReach(ctx.person, shop.manager, "shop"))
    return [{ kind: "text", text: h.notYourRoute(shop.name) }];
  const visits = await deps.records.visitsOfShop(shop.id, SHOWN_VISITS);
  const [latest] = visits;
  if (!latest) return [{ kind: "text", text: h.noVisits(shop.name) }];
  const skus = visits.flatMap((v) => [
    ...v.stock.map((l) => l.sku),
    ...v.outOfStock,
    ...v.listed,
    ...v.orders.map((l) => l.sku),
  ]);
  const [names, who] = await Promise.all([
    loadNames(deps.db, [shop.id], skus),
    peopleNames(
      deps.db,
      visits.map((v) => v.managerId),
    ),
  ]);
  const lines = visits.map((v, i) => {
    // Feedback gets its own line below, and a red flag is for the supervisor's answers, not a shop's history.
    const { compliance, feedback } = ctx.t.visits.receipt;
    const facts = factLines(v, names, ctx.t).filter((l) => l.label !== compliance && l.label !== feedback);
    const summary = facts.length ? ` — ${ctx.t.format.clauses(facts.map((l) => `${l.label} ${l.value}`))}` : "";
    const when = `${ctx.t.format.day(v.date)}${i === 0 ? h.ago(daysBetween(v.date, ctx.today)) : ""}`;
    return {
      label: i === 0 ? h.lastVisit : h.before,
      value: `${when}${h.by(who.get(v.managerId) ?? v.managerId)}${summary}`,
    };
  });
  if (latest.outOfStock.length)
    lines.push({ label: h.openStockOuts, value: ctx.t.format.list(latest.outOfStock.map((s) => names.product(s))) });
  for (const v of visits) {
    if (!v.feedback || !v.feedbackText || daysBetween(v.date, ctx.today) > FEEDBACK_DAYS) continue;
    lines.push({
      label: h.ownerFeedback,
      value: `${ctx.t.format.day(v.date)}${ctx.t.format.quote(truncate(v.feedbackText, QUOTED_FEEDBACK_CHARS))}`,
    });
  }
  const { files } = deps;
  const photos = files ? await latestPhotosOfShop(deps.db, shop.id, SHOWN_PHOTOS) : [];
  return [
    {
      kind: "card",
      title: `📍 ${shop.name}`,
      lines,
      actions: [],
      footer: shop.manager ? h.manager(shop.manager.name) : undefined,
    },
    // The latest photos of the shop, whoever took them.
    ...(files ? await Promise.all(photos.map((p) => photoImage(files, p, `📷 ${ctx.t.format.day(p.day)}`))) : []),
  ];
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
