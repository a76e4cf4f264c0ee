/** The plans part of the message catalogue: a day's plan, why each shop is on it, progress and skips. */

/** The day a plan is for: called 今天 / today when it is the reader's today, else written out. */
export interface PlanDay {
  day: string;
  isToday: boolean;
}

/** Why a shop is on the plan, one short phrase each. Days are YYYY-MM-DD; the wording formats them. */
interface PlanReasonMessages {
  /** Due by its class's rhythm: 到期（品牌店每周1次，已逾期3天） / due (brand store, weekly; 3 days overdue). */
  due(segment: string, everyDays: number, overdueDays: number): string;
  neverVisited(segment: string, everyDays: number): string;
  /** A return visit promised on `promisedOn` with no day set. */
  promisedSomeday(promisedOn: string): string;
  promised(promisedOn: string, forDay: string, lateDays: number): string;
  stockOut(products: string[], reportedOn: string): string;
  /** Owner feedback waiting for an answer, quoted (shortened) when it was written down. */
  feedback(text: string | null): string;
  /** This month's cultivation targets the shop has not listed. */
  target(products: string[]): string;
}

export interface PlanMessages {
  /** How often a shop class is visited: 每周1次 / weekly. */
  frequency(everyDays: number): string;
  reason: PlanReasonMessages;
  dayOff(day: PlanDay, kind: "weekend" | "holiday"): string;
  nothingDue(day: PlanDay): string;
  /** The plan's first line: how many stops, and the route length when there is one (km > 0). */
  heading(day: PlanDay, stops: number, routeKm: number): string;
  /** Shops with a reason to go that did not fit the day. */
  deferred(shops: number): string;
  allHandled(day: PlanDay, planned: number, skipped: number): string;
  /** "今天还剩哪几家": the counts before the list of what is left. */
  progress(day: PlanDay, counts: { planned: number; done: number; skipped: number; left: number }): string;
  done(shops: string[]): string;
  skippedShops(skips: { shop: string; reason: string }[]): string;
  offPlan(shops: string[]): string;
  /** The answer to «跳过老王家 今天关门»; `reason` may be empty. */
  skipped(shop: string, reason: string): string;
}
