/**
 * The FORMAT.md record shape as zod 4 schemas: the domain's vocabulary of visits and promotions. The same schemas are sent to an LLM in
 * strict JSON-schema mode and used by storage, so every field is required and nullable
 * fields use `.nullable()`, never `.optional()`.
 */
import { z } from "zod";

const INTENTS = [
  "visit_log",
  "promotion_note",
  "plan_query",
  "status_query",
  "retailer_query",
  "help",
  "other",
] as const;
/** The intents whose messages carry records (FORMAT.md): the rest are questions and chatter. */
export const REPORT_INTENTS = ["visit_log", "promotion_note"] as const;

export function isReportIntent(intent: string): intent is (typeof REPORT_INTENTS)[number] {
  return (REPORT_INTENTS as readonly string[]).includes(intent);
}

const ACTIVITIES = [
  "stock_check",
  "display",
  "listing",
  "order",
  "policy",
  "price_check",
  "promotion",
  "service",
] as const;
export const UNITS = ["carton", "pack", "case", "unit"] as const;
const PROMOTION_FORMATS = ["tasting", "in_store", "circle", "display", "gift", "discount", "other"] as const;

const intentSchema = z.enum(INTENTS);
const activitySchema = z.enum(ACTIVITIES);
const unitSchema = z.enum(UNITS);
const promotionFormatSchema = z.enum(PROMOTION_FORMATS);

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

/** A counted, ordered or sold amount; a vague amount has qty and unit both null. */
const stockLineSchema = z.object({
  sku: z.string(),
  qty: z.number().nullable(),
  unit: unitSchema.nullable(),
});

const visitRecordSchema = z.object({
  type: z.literal("visit"),
  retailer: z.string().nullable(),
  /** Candidate retailer ids when `retailer` is null because the shop could not be told apart. */
  ambiguous: z.array(z.string()).nullable(),
  date: isoDay,
  activities: z.array(activitySchema),
  stock: z.array(stockLineSchema),
  outOfStock: z.array(z.string()),
  listed: z.array(z.string()),
  orders: z.array(stockLineSchema),
  /** A date, "unspecified" for a promise with no day, or null. */
  followUp: z.union([isoDay, z.literal("unspecified")]).nullable(),
  feedback: z.boolean(),
  compliance: z.boolean(),
});

const promotionRecordSchema = z.object({
  type: z.literal("promotion"),
  retailers: z.array(z.string()),
  date: isoDay,
  skus: z.array(z.string()),
  format: promotionFormatSchema,
  consumers: z.number().nullable(),
  durationMinutes: z.number().nullable(),
  sales: z.array(stockLineSchema),
});

const formatRecordSchema = z.discriminatedUnion("type", [visitRecordSchema, promotionRecordSchema]);

export const formatParseSchema = z.object({
  intent: intentSchema,
  records: z.array(formatRecordSchema),
});

export type Intent = z.infer<typeof intentSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Unit = z.infer<typeof unitSchema>;

/** What an amount in a report can mean: counted in the shop, ordered, or sold at an event. */
export type TextReading = "stock" | "order" | "sale";

/** The units a product of this category is counted in: no bottles of cigarettes, no cartons of cola. */
export function unitsFitting(category: string | null): readonly Unit[] {
  if (category === "tobacco") return ["carton", "pack", "case"];
  if (category === "beverage") return ["case", "pack", "unit"];
  return UNITS;
}
export type PromotionFormat = z.infer<typeof promotionFormatSchema>;
export type FormatStockLine = z.infer<typeof stockLineSchema>;
export type FormatVisit = z.infer<typeof visitRecordSchema>;
export type FormatPromotion = z.infer<typeof promotionRecordSchema>;
export type FormatRecord = z.infer<typeof formatRecordSchema>;
export type FormatParse = z.infer<typeof formatParseSchema>;
