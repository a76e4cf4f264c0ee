/** Where Chinese reports put the parts of a fact, as the parser's refiners need to know. */
import type { FollowUpReach, LineGrammar } from "../../../parse/locale.js";

/**
 * 下周三再去, 明天把政策文件带给他: the day comes before the follow verb, within a short clause
 * (16 characters); one after it (再去一趟 下周三) must stand close (8).
 */
export const followUpReach: FollowUpReach = { first: "before", before: 16, after: 8 };

export const lines: LineGrammar = {
  // 两件炫赫门, 两件的炫赫门
  amountThenProduct: /^的?$/,
  // 大重九5条: the name comes first, the count after it
  nameBeforeAmount: true,
  // 两条硬中华: a count written right before a product counts it
  amountGluedToProduct: true,
  amountLeadsAfterComma: false,
  // Chinese says the verb first (订了两条), so a verb after a line belongs to the next one …
  verbAfterLine: null,
  // … except an order verb that closes the clause: 三条软中华 两条硬中华 给刘明那边订上了
  orderClosingClause: /^订[上好了的]*(?:\s|[,，。；;!！]|$)/,
};

/** 老板想搞个买赠: a wish counts within 8 characters before the event word. */
export const wishReach = 8;
