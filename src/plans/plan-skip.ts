/** "跳过老王家 今天关门": a planned shop set aside for the day, with the reason, kept for the supervisor. */
import type { Lang } from "../domain/roster.js";
import type { Reply } from "../domain/messages.js";
import type { Db } from "../store/database.js";

export class SkipError extends Error {
  constructor(
    readonly code: "SKIP_UNKNOWN_SHOP",
    message: string,
  ) {
    super(message);
  }
}

/** Records (or updates the reason of) a skip; one per person, shop and day. */
export async function recordSkip(db: Db, personId: string, retailerId: string, day: string, reason: string): Promise<void> {
  const clean = reason.trim();
  await db.planSkip.upsert({
    where: { personId_retailerId_date: { personId, retailerId, date: day } },
    create: { personId, retailerId, date: day, reason: clean },
    update: { reason: clean },
  });
}

/** Records the skip and answers the manager in their language. */
export async function skipShop(
  db: Db,
  person: { id: string; lang: Lang },
  retailerId: string,
  day: string,
  reason: string,
): Promise<Reply[]> {
  const shop = await db.retailer.findUnique({ where: { id: retailerId }, select: { name: true } });
  if (!shop) throw new SkipError("SKIP_UNKNOWN_SHOP", `unknown shop ${retailerId}`);
  await recordSkip(db, person.id, retailerId, day, reason);
  const why = reason.trim();
  const text =
    person.lang === "zh"
      ? `好的，${shop.name}今天先不去了${why ? `（${why}）` : ""}，已记下。这家店还会排进之后的计划。`
      : `OK, skipping ${shop.name} today${why ? ` (${why})` : ""}. Noted; it will come back on a later plan.`;
  return [{ kind: "text", text }];
}
