/**
 * A few weeks of believable visit history for the demo organisation, so plans, shop history and
 * team status have something to show on first start. Deterministic (seeded), written in bulk.
 */
import { randomUUID } from "node:crypto";
import { addDays, isoWeekday, localDay } from "../domain/calendar.js";
import type { Db } from "../store/database.js";
import { seededRandom } from "./seeded-random.js";

const SEGMENT_EVERY_DAYS: Record<string, number> = { brand_store: 7, premium_store: 14, standard: 28, rural: 28 };


/** Writes visits for the `weeks` before `now` (not today) for every manager who has shops. */
export async function writeDemoHistory(db: Db, now: Date, weeks = 3): Promise<number> {
  const random = seededRandom(20261101);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const managers = await db.person.findMany({ where: { role: "manager" }, orderBy: { id: "asc" } });
  const products = await db.product.findMany({ orderBy: { sku: "asc" } });
  let written = 0;
  for (const manager of managers) {
    const shops = await db.retailer.findMany({ where: { managerId: manager.id }, orderBy: { id: "asc" } });
    if (shops.length === 0) continue;
    const catalogue = products.filter((p) => (manager.lang === "zh" ? p.category === "tobacco" : p.category === "beverage"));
    const unit = manager.lang === "zh" ? "carton" : "case";
    const today = localDay(now, manager.timezone);
    const lastSeen = new Map<string, string>();
    for (let day = addDays(today, -7 * weeks); day < today; day = addDays(day, 1)) {
      if (isoWeekday(day) > 5) continue;
      const due = shops.filter((s) => {
        const seen = lastSeen.get(s.id);
        return !seen || addDays(seen, SEGMENT_EVERY_DAYS[s.segment] ?? 28) <= day || random() < 0.08;
      });
      for (const shop of due.slice(0, 4 + Math.floor(random() * 4))) {
        lastSeen.set(shop.id, day);
        const lines = [];
        const activities = new Set<string>(["stock_check"]);
        for (let i = 0; i < 1 + Math.floor(random() * 3); i++) {
          lines.push({ kind: "stock", sku: pick(catalogue).sku, qty: 1 + Math.floor(random() * 15), unit });
        }
        if (random() < 0.25) lines.push({ kind: "out_of_stock", sku: pick(catalogue).sku, qty: null, unit: null });
        if (random() < 0.2) {
          activities.add("order");
          lines.push({ kind: "order", sku: pick(catalogue).sku, qty: 1 + Math.floor(random() * 5), unit });
        }
        if (random() < 0.3) activities.add("display");
        if (random() < 0.15) activities.add("price_check");
        if (random() < 0.1) activities.add("policy");
        const followUp = random() < 0.12 ? addDays(day, 7) : null;
        const feedback = random() < 0.15;
        const createdAt = new Date(`${day}T10:00:00Z`);
        await db.visit.create({
          data: {
            id: randomUUID(),
            retailerId: shop.id,
            managerId: manager.id,
            date: day,
            activities: JSON.stringify([...activities]),
            followUp,
            followUpDone: followUp !== null && followUp < today,
            feedback,
            feedbackText: feedback ? (manager.lang === "zh" ? "老板希望多分点紧俏烟" : "Owner asked about a better case price") : null,
            confirmedById: manager.id,
            confirmedAt: createdAt,
            createdAt,
            lines: { create: lines },
          },
        });
        written++;
      }
    }
  }
  return written;
}
