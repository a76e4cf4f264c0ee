/**
 * A few weeks of believable visit history for the demo organisation, so plans, shop history and
 * team status have something to show on first start. Deterministic (seeded), written in bulk.
 */
import { randomUUID } from "node:crypto";
import { addDays, isoWeekday, localDay } from "../domain/calendar.js";
import type { Unit } from "../domain/records.js";
import { LANGS, type Lang } from "../domain/roster.js";
import { DEFAULT_VISIT_RULES } from "../plans/visit-rules.js";
import type { Db } from "../store/database.js";
import { insertVisit, managersInOrder, productsInOrder, shopsOf } from "./demo-queries.js";
import { seededRandom } from "./seeded-random.js";

/** The demo's two markets, told apart by their managers' language: what they sell, in what unit, what owners ask. */
const MARKETS: Record<Lang, { category: string; unit: Unit; ownerFeedback: string }> = {
  zh: { category: "tobacco", unit: "carton", ownerFeedback: "老板希望多分点紧俏烟" },
  en: { category: "beverage", unit: "case", ownerFeedback: "Owner asked about a better case price" },
};
/** A segment the rules do not name is visited every four weeks. */
const FALLBACK_EVERY_DAYS = 28;
/** The seed of the demo's history: the same believable weeks on every first start. */
const SEED = 20261101;
/** Saturday and Sunday (ISO weekdays 6 and 7) are nobody's visiting days in the demo. */
const LAST_WORKDAY = 5;

/** Writes visits for the `weeks` before `now` (not today) for every manager who has shops. */
export async function writeDemoHistory(db: Db, now: Date, weeks = 3): Promise<number> {
  const random = seededRandom(SEED);
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
  const managers = await managersInOrder(db);
  const products = await productsInOrder(db);
  let written = 0;
  for (const manager of managers) {
    const shops = await shopsOf(db, manager.id);
    if (shops.length === 0) continue;
    const market = MARKETS[LANGS.find((l) => l === manager.lang) ?? "zh"];
    const catalogue = products.filter((p) => p.category === market.category);
    const unit = market.unit;
    const sku = () => pick(catalogue)?.sku;
    const today = localDay(now, manager.timezone);
    const lastSeen = new Map<string, string>();
    for (let day = addDays(today, -7 * weeks); day < today; day = addDays(day, 1)) {
      if (isoWeekday(day) > LAST_WORKDAY) continue;
      const due = shops.filter((s) => {
        const seen = lastSeen.get(s.id);
        return !seen || addDays(seen, DEFAULT_VISIT_RULES[s.segment] ?? FALLBACK_EVERY_DAYS) <= day || random() < 0.08;
      });
      for (const shop of due.slice(0, 4 + Math.floor(random() * 4))) {
        lastSeen.set(shop.id, day);
        const lines = [];
        const activities = new Set<string>(["stock_check"]);
        for (let i = 0; i < 1 + Math.floor(random() * 3); i++) {
          lines.push({ kind: "stock", sku: sku(), qty: 1 + Math.floor(random() * 15), unit });
        }
        if (random() < 0.25) lines.push({ kind: "out_of_stock", sku: sku(), qty: null, unit: null });
        if (random() < 0.2) {
          activities.add("order");
          lines.push({ kind: "order", sku: sku(), qty: 1 + Math.floor(random() * 5), unit });
        }
        if (random() < 0.3) activities.add("display");
        if (random() < 0.15) activities.add("price_check");
        if (random() < 0.1) activities.add("policy");
        const followUp = random() < 0.12 ? addDays(day, 7) : null;
        const feedback = random() < 0.15;
        const createdAt = new Date(`${day}T10:00:00Z`);
        await insertVisit(db, {
          id: randomUUID(),
          retailerId: shop.id,
          managerId: manager.id,
          date: day,
          activities: JSON.stringify([...activities]),
          followUp,
          followUpDone: followUp !== null && followUp < today,
          feedback,
          feedbackText: feedback ? market.ownerFeedback : null,
          confirmedById: manager.id,
          confirmedAt: createdAt,
          createdAt,
          lines: { create: lines.filter((l): l is typeof l & { sku: string } => l.sku !== undefined) },
        });
        written++;
      }
    }
  }
  return written;
}
