/** Names of the domain's fixed vocabularies, shared by receipts, plans and reports. */
import type { Activity, PromotionFormat } from "../../domain/records.js";

export interface Vocabulary {
  /** 陈列理货 / set up display */
  activity: Record<Activity, string>;
  /** 品鉴会 / tasting */
  promotionFormat: Record<PromotionFormat, string>;
  /** A shop class (分类拜访): 品牌店 / brand store; unknown classes are shown as written. */
  segment(segment: string): string;
}
