/** "跳过老王家 今天关门": a planned shop set aside for the day, with the reason, kept for the supervisor. */
import type { Reply } from "../domain/messages.js";
import type { Messages } from "../locales/index.js";
import type { Db } from "../store/database.js";
import { shopName, upsertSkip } from "./plan-queries.js";

export class SkipError extends Error {
  constructor(
    readonly code: "SKIP_UNKNOWN_SHOP",
    message: string,
  ) {
    super(message);
  }
}

/** Records (or updates the reason of) a skip; one per person, shop and day. */
export async function recordSkip(
  db: Db,
  personId: string,
  retailerId: string,
  day: string,
  reason: string,
): Promise<void> {
  await upsertSkip(db, { personId, retailerId, day, reason: reason.trim() });
}

/** Records the skip and answers the manager. */
export async function skipShop(
  db: Db,
  personId: string,
  retailerId: string,
  day: string,
  reason: string,
  t: Messages,
): Promise<Reply[]> {
  const shop = await shopName(db, retailerId);
  if (shop === null) throw new SkipError("SKIP_UNKNOWN_SHOP", `unknown shop ${retailerId}`);
  await recordSkip(db, personId, retailerId, day, reason);
  return [{ kind: "text", text: t.plans.skipped(shop, reason.trim()) }];
}
