/**
 * How Chinese writes names the roster or the catalogue may not hold: a shop is a name plus a type
 * word (阿强便利店, 去了阿强店), a product is the word right before its count (大重九5条).
 */
import type { HanNames } from "../../../parse/locale.js";
import { ZH_SHOP_TYPE_SUFFIXES } from "./shop-words.js";

/** Type words too short or too general to mark a name on their own (便利 alone is "convenient"). */
const GENERAL_TYPES = ["便利", "烟酒", "副食", "商贸", "士多"];

export const names: HanNames = {
  script: "han",
  shopTypes: [...ZH_SHOP_TYPE_SUFFIXES.filter((s) => s.length >= 2 && !GENERAL_TYPES.includes(s)), "店"],
  // Numbers of shops, pronouns, places relative to another shop, verbs: 一家烟酒店, 隔壁小卖部, 他店里.
  notShopName:
    /[一两几这那哪些啥每个他她我你们的帮给让把被在是了去到跑]|隔壁|新开|附近|对面|旁边|门口|批发|别的|其他|其它|同行/,
  shopNameStart: /[^去到在跑和跟及了]*$/,
  bareTypeAfter: /[去到在]$/,
  productLead:
    /^(?:[的了也还都就才只又再先共约]|那边|这边|店里|现在|目前|总共|一共|大概|大约|差不多|估计|现场|当场|今天|昨天|一天)+/,
  productTail:
    /(?:还有|还剩|剩下?|只剩|就剩|压着|积压了?|有|各|共|一共|总共|大概|大约|差不多|约|的|了|都|就|才|只|也|还|是)+$/,
  // 到货, 来货, 进货: a delivery, not a product's name
  notProductName: /[几这那每个他她我你们说想要让给帮问]|[里上内外边]$|[到来进送发补]货/,
};
