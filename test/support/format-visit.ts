import type { FormatVisit } from "../../src/domain/records.js";

/** A visit record in FORMAT.md's shape (what the parser, the model and the stores exchange), empty but for the facts given. */
export const formatVisit = (retailer: string | null, date: string, facts: Partial<FormatVisit> = {}): FormatVisit => ({
  type: "visit",
  retailer,
  ambiguous: null,
  date,
  activities: [],
  stock: [],
  outOfStock: [],
  listed: [],
  orders: [],
  followUp: null,
  feedback: false,
  compliance: false,
  ...facts,
});
