import type { Vocabulary } from "../messages/vocabulary.js";

const SEGMENTS: Record<string, string> = {
  brand_store: "brand store",
  premium_store: "premium store",
  standard: "standard store",
  rural: "rural store",
};

export const words: Vocabulary = {
  activity: {
    stock_check: "checked stock",
    display: "set up display",
    listing: "got a new listing",
    order: "took an order",
    policy: "explained policy",
    price_check: "checked prices",
    promotion: "ran a promotion",
    service: "gave service",
  },
  promotionFormat: {
    tasting: "tasting",
    in_store: "in-store session",
    circle: "consumer gathering",
    display: "display campaign",
    gift: "gift with purchase",
    discount: "price promotion",
    other: "promotion",
  },
  segment: (segment) => SEGMENTS[segment] ?? segment.replace(/_/g, " "),
};
