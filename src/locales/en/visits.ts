import type { VisitMessages } from "../messages/visits.js";
import { format } from "./format.js";

export const visits: VisitMessages = {
  receipt: {
    heading: {
      stored: "✅ Logged",
      updated: "✏️ Updated",
      merged: "➕ Added",
      restored: "↩️ Restored",
      preview: "📝 Here's what I understood",
    },
    records: (n) => format.count(n, "record"),
    stock: "Stock",
    outOfStock: "Out of stock",
    listed: "Newly listed",
    orders: "Orders",
    work: "Done",
    followUp: "Follow-up",
    feedback: "Owner said",
    feedbackNoted: "feedback noted (it will be on your plan)",
    compliance: "⚠️ Compliance",
    complianceText:
      "What this describes breaks the rules (no forced listings, pushed stock, tied sales or selling above the marked price); your supervisor has been told",
    products: "Products",
    consumers: "Consumers reached",
    duration: "Duration",
    sales: "Sold",
    offSite: "off-site",
    nothing: "just a visit, nothing to report",
    people: (n) => String(n),
    line(product, qty, unit) {
      if (qty === null) return `${product}: some (no count)`;
      return `${product}: ${unit ? format.quantity(qty, unit) : `${qty} (unit?)`}`;
    },
    followUpDay: (day) => (day === "unspecified" ? "later (no day set)" : format.day(day)),
    edit: "Edit",
    undo: "Undo",
    hint: 'Got something wrong? Just reply, e.g. "no, 15 cases" or "not Joe\'s, Sunrise".',
  },
  question: {
    shopWhich: (mention) => `Which "${mention}" do you mean?`,
    shopUnknown: (mention) => `I couldn't find a store called "${mention}". What's its full name or licence number?`,
    shopMissing: "Which store was this? Send me its name.",
    productWhich: (mention) => `Which product is "${mention}"?`,
    productUnknown: (mention) =>
      `"${mention}" isn't in the catalogue. Send me the product name (e.g. "Coke Zero"), or reply "skip".`,
    unitWhich: (mention) => `"${mention}" — in what unit?`,
    unclearWhat: (mention) => `What does "${mention}" mean? Tell me, or reply "skip".`,
    unclearWhich: (mention, readings) =>
      `What does "${mention}" mean: ${readings.map((r) => READINGS_EN[r]).join(" or ")}?`,
    readingLabels: { stock: "in stock", order: "an order", sale: "sold" },
    readingAs: (reading, amount) =>
      ({ stock: `${amount} left`, order: `ordered ${amount}`, sale: `sold ${amount}` })[reading],
    confirm: "Is that right?",
    confirmYes: "Yes, save it",
    confirmNo: "No",
    skipLabel: "skip it",
    units: [
      { label: "cases", unit: "case" },
      { label: "packs", unit: "pack" },
      { label: "cartons", unit: "carton" },
      { label: "bottles/cans", unit: "unit" },
    ],
  },
  flow: {
    nothingFound:
      "I couldn't find a visit in that. Could you say a bit more? e.g. \"Joe's out of Coke Zero, 3 cases Sprite\".",
    stillUnsure: "I still can't pin this one down, so I haven't saved it. Please send it again in other words.",
    cancelled: "OK, I won't log that one.",
    rejected: "OK, not saved. Please send it again the way it should be.",
    stillWaiting: "One report is still waiting for your answer:",
    alsoEarlier: "Also, the earlier report still needs an answer:",
    merged: (shop, day) =>
      `Added to ${day ? `the ${day}` : "today's"} visit to ${shop} (one store, one day, one visit). If you went back a second time, reply "undo" and send it again saying "went back".`,
  },
  correction: {
    notYours:
      "That record isn't yours, so I can't change it. You can correct your own records (supervisors: their team's).",
    nothingToCorrect: "There's no record to correct yet. Send me a visit first; once it's logged you can change it.",
    nothingToUndo: "There's nothing left to undo.",
    undone: (what) => `Undone: ${what}.`,
    reverted: (what) => `Took back the last change: ${what} is back to what it was.`,
    changedSince: "That record was changed again afterwards. Undo the later change first.",
    correctionOrNew: (what) => `Is this a correction of ${what}, or a new report?`,
    asCorrection: "Correction",
    asNew: "New report",
    editHint:
      'Tell me what to change, e.g. "no, 15 cases", "not Coke Zero, Diet Coke", "not Joe\'s, Sunrise", "follow-up Friday", "that was yesterday", "remove Coke Zero from out of stock".',
    whichRecord: "Which record should I change?",
    whichLine: "Which line?",
    notUnderstood:
      'I couldn\'t tell what to change, so the record is as it was. Try: "no, 15 cases", "not Coke Zero, Diet Coke", "not Joe\'s, Sunrise", "follow-up Friday", "remove Coke Zero from out of stock".',
    visit: (shop, day) => `the ${format.day(day)} visit to ${shop}`,
    promotion: (day) => `the ${format.day(day)} promotion`,
  },
  redFlagAlert: (manager, shops, text) =>
    `⚠️ Compliance flag: ${manager}'s visit to ${shops} mentions a practice the rules forbid (forced listing, pushed stock, tied sales or selling above the marked price). Please follow up.\nTheir words: "${text}"`,
};

/** How a reading is named inside a question. */
const READINGS_EN = { stock: "in stock", order: "ordered", sale: "sold" } as const;
