/** Chinese shop-name vocabulary: the type words that end a shop name and can be dropped. */
import type { NotVisited } from "../../../parse/locale.js";

/** Longest first, so 烟酒商行 is stripped before 商行. */
export const ZH_SHOP_TYPE_SUFFIXES = [
  "烟酒商行",
  "烟酒专卖店",
  "烟酒店",
  "烟酒行",
  "烟酒",
  "便利店",
  "便利",
  "超市",
  "百货",
  "副食店",
  "副食",
  "食杂店",
  "小卖部",
  "商行",
  "商店",
  "商场",
  "杂货店",
  "批发部",
  "商贸",
  "专卖店",
  "烟草店",
  "烟店",
  "士多",
].sort((a, b) => b.length - a.length);

/** 兴隆没去成: words right after a shop (within 12 characters) that say the visit did not happen. */
export const notVisited: NotVisited = {
  side: "after",
  reach: 12,
  // 新华都 路滑没去成: a reason may stand between
  words: /^[^，。,；;\n]{0,8}?(?:没去成|没来得及去|没顾上去?|没跑成|去不成|没时间去|没赶上|没过去)/,
};
