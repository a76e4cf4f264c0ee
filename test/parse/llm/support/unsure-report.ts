/** A report the rules are unsure of, and the model answer that settles it (shared by the LLM tests). */

/** Rules find the shop but not the unit of "硬中2（条）": an open question, so hybrid asks the model. */
export const UNSURE = "老周副食店：硬中2（条），老板抱怨利群到货慢";

export const GOOD = {
  intent: "visit_log",
  records: [
    {
      type: "visit",
      retailer: "R002",
      ambiguous: null,
      date: "2026-11-25",
      activities: ["stock_check"],
      stock: [{ sku: "T001", qty: 2, unit: "carton" }],
      outOfStock: [],
      listed: [],
      orders: [],
      followUp: null,
      feedback: true,
      compliance: false,
    },
  ],
};
