/** A visit record as the model answers it (the contract's shape), empty but for the facts given. */
export const modelVisit = (over: Record<string, unknown>) => ({
  type: "visit",
  retailer: null,
  ambiguous: null,
  date: "2026-11-25",
  activities: [],
  stock: [],
  outOfStock: [],
  listed: [],
  orders: [],
  followUp: null,
  feedback: false,
  compliance: false,
  ...over,
});
