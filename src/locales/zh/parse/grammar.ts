/** Where Chinese reports put the parts of a fact, as the parser's refiners need to know. */
import type { EventDay, FollowUpReach, LineGrammar } from "../../../parse/locale.js";

/**
 * 下周三再去, 明天把政策文件带给他: the day comes before the follow verb, within a short clause
 * (16 characters); one after it (再去一趟 下周三) must stand close (8).
 */
export const followUpReach: FollowUpReach = {
  first: "before",
  before: 16,
  after: 8,
  everyShop: /(?:两|三|四|几|这几|这两|这三)家(?:店)?(?:都|一起)|都(?:要|得)?(?:再去|再来|回访)/,
};

export const lines: LineGrammar = {
  // 两件炫赫门, 两件的炫赫门
  amountThenProduct: /^的?$/,
  // 两件加六条软中华, 两件零六条
  amountJoin: /^\s*(?:\+|加|又|零|外加)\s*$/,
  // 大重九5条: the name comes first, the count after it
  nameBeforeAmount: true,
  // 两条硬中华: a count written right before a product counts it
  amountGluedToProduct: true,
  amountLeadsAfterComma: false,
  // Chinese says the verb first (订了两条), so a verb after a line belongs to the next one …
  verbAfterLine: null,
  // … except an order verb that closes the clause: 三条软中华 两条硬中华 给刘明那边订上了
  orderClosingClause: /^订[上好了的]*(?:\s|[,，。；;!！]|$)/,
  countFiller: /^(?:[\s:：,，、=x×*]|的|也|都|就|大概|大约|约|差不多|一共|共|总共|只|才|是|了)*$/,
  countVerbReach: 6,
  // 9点, 2天, 30%, 2L, 40多个顾客 (a vague head count), 不对是15条 (a restated count)
  unsureSale: /走/,
  listingOrder: /(?:新|又)?上了\s*$/,
  deniedCount: /(?:不是|并不是|而不是|并非)\s*$/,
  noneAfter: /^\s*(?:都|也)(?:没|不)/,
  clauseBreak: /[\s,，、:：]/,
  clauseReach: 10,
  numberFiller:
    /\d[点:：]|\d\s*(?:%|％|号|岁|年|月|天|周|次|遍|趟|张|分钟?|秒|公里|米|楼|层|路|元|块|毛|折|倍|人|位|份|l\b|ml|升|多个?(?:人|位|顾客|客人|消费者))|[号楼路室]\s*\d|\d+\s*(?:块|元)?\s*一(?:包|条|盒|件|瓶)|(?:零售价|售价|价格|标价|批发价|进价|卖价)\s*(?:是|为)?\s*\d|第\s*\d|\d{5,}|\d{3,4}-\d{7,8}|[:：.]\d|(?:不对|应该是|改成|更正|其实|说错了|打错了|写错了)\s*是?\s*\d|(?:不是|并非)\s*\d/,
};

/** 老板想搞个买赠: a wish counts within 8 characters before the event word. */
export const wishReach = 8;

/**
 * 利群昨天到货, 上周五进的硬中华, 软中前天就卖完了: the date says when the goods came or ran out,
 * not when the manager was there (a 补货 or 下单 may be the visit's own, so they are not here).
 */
export const eventDay: EventDay = {
  after:
    /^\s*(?:刚刚?|才|就|已经|都|也|又|早上|上午|中午|下午|晚上|刚刚?)*\s*(?:到货|到的货|到了货|刚到|到的(?=货|[\s，,。；;]|$)|来货|来的货|进的|进了货|进货|补的货|补的|送到|送的货|送来|送过来|配送|发货|发的货|卖完|卖光|断货|断了|断的|没货|缺货|售罄|脱销)/,
  before: /(?:从|自从|自)\s*$/,
};
