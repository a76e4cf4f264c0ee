/**
 * What a day's visit plan is made of: stops in route order, each with the reasons it is on the plan.
 * Reasons are data, not text, so the chat, the CLI (--json) and the digests phrase them their own way.
 */

export type PlanReason =
  /** Due by the shop's segment frequency; `overdueDays` 0 means due today. */
  | { kind: "due"; segment: string; everyDays: number; lastVisit: string; overdueDays: number }
  /** No visit on record at all. */
  | { kind: "never_visited"; segment: string; everyDays: number }
  /** A return visit the manager promised on `promisedOn` for `forDay` (null: "下次再来", no date), not yet kept. */
  | { kind: "follow_up"; promisedOn: string; forDay: string | null; lateDays: number }
  /** The latest visit reported these products out of stock, and no visit since. */
  | { kind: "stock_out"; reportedOn: string; products: ProductRef[] }
  /** The latest visit carried owner feedback or a complaint to follow up. */
  | { kind: "feedback"; reportedOn: string; text: string | null }
  /** This month's brand-cultivation targets the shop has not listed yet. */
  | { kind: "target"; month: string; products: ProductRef[] };

export interface ProductRef {
  sku: string;
  name: string;
}

export interface PlanStop {
  /** 1-based position on the route. */
  order: number;
  retailerId: string;
  name: string;
  segment: string;
  address: string;
  lat: number | null;
  lng: number | null;
  lastVisit: string | null;
  /** Higher is more urgent; decides who is in when capacity is short. */
  urgency: number;
  /** Most important first. */
  reasons: PlanReason[];
  /** Distance from the previous point of the route (start point or previous stop), km; null without coordinates. */
  legKm: number | null;
}

export type DayOff = "weekend" | "holiday";

export interface VisitPlan {
  personId: string;
  personName: string;
  day: string;
  /** Set when the team does not work that day: there are no stops then. */
  dayOff: DayOff | null;
  capacity: number;
  /** Stops in route order. */
  stops: PlanStop[];
  /** Shops that had a reason to be visited but did not fit the day's capacity. */
  deferred: { retailerId: string; name: string; urgency: number }[];
  /** Where the route starts: the person's start point, or the most urgent shop. */
  start: { lat: number; lng: number; from: "person" | "first_stop" } | null;
  /** Route length from the start point through every stop with coordinates, km (one decimal). */
  totalKm: number;
}

/** A planned day as it stands: what has been visited, skipped, and what is left. */
export interface PlanProgress {
  plan: VisitPlan;
  done: PlanStop[];
  skipped: { stop: PlanStop; reason: string }[];
  remaining: PlanStop[];
  /** Shops visited that day that were not on the plan. */
  extra: { retailerId: string; name: string }[];
}
