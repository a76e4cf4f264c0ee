import type { Vocabulary } from "../messages/vocabulary.js";

const SEGMENTS: Record<string, string> = {
  brand_store: "品牌店",
  premium_store: "精品店",
  standard: "普通店",
  rural: "农村店",
};

export const words: Vocabulary = {
  activity: {
    stock_check: "盘点库存",
    display: "陈列理货",
    listing: "新品上柜",
    order: "订货",
    policy: "政策宣传",
    price_check: "价签检查",
    promotion: "促销活动",
    service: "客户服务",
  },
  promotionFormat: {
    tasting: "品鉴会",
    in_store: "驻店促销",
    circle: "圈层活动",
    display: "陈列活动",
    gift: "买赠活动",
    discount: "特价活动",
    other: "促销活动",
  },
  segment: (segment) => SEGMENTS[segment] ?? segment,
};
