/** A plan's reasons as short phrases in the reader's language (the phrases themselves live in the catalogue). */
import type { Messages } from "../locales/index.js";
import type { PlanReason, ProductRef } from "./plan-types.js";

const names = (products: ProductRef[]) => products.map((p) => p.name);

/** One reason as a short phrase. */
function reasonText(r: PlanReason, t: Messages): string {
  const say = t.plans.reason;
  switch (r.kind) {
    case "due":
      return say.due(r.segment, r.everyDays, r.overdueDays);
    case "never_visited":
      return say.neverVisited(r.segment, r.everyDays);
    case "follow_up":
      return r.forDay ? say.promised(r.promisedOn, r.forDay, r.lateDays) : say.promisedSomeday(r.promisedOn);
    case "stock_out":
      return say.stockOut(names(r.products), r.reportedOn);
    case "feedback":
      return say.feedback(r.text);
    case "target":
      return say.target(names(r.products));
  }
}

/** A stop's reasons, most important first, as one line. */
export function reasonsText(reasons: PlanReason[], t: Messages): string {
  return t.format.clauses(reasons.map((r) => reasonText(r, t)));
}
