/** How supervisors ask for each report in Chinese. Order matters: the first kind that matches wins. */
import type { ReportKind } from "../../../reports/query/query-types.js";

export const ZH_REPORTS: [ReportKind, RegExp][] = [
  ["export", /导出|下载|表格|excel|xlsx|报表文件/],
  ["not_reported", /没报|未报|没上报|未上报|没有报|没交|没提交|没记录|没登记|谁还没|谁没/],
  ["coverage", /覆盖|漏访|没去过|没跑到|该去没去/],
  // 断 before a product name ("哪些店断软中华") is a stock-out too.
  ["stock_outs", /断货|缺货|断了|卖断|[店家]断|断[^\s，。,？?]{1,8}(?:的店|了|吗|[?？]|$)/],
  ["red_flags", /违规|合规|红旗|红灯|风险|压货|搭售|强制上柜|硬塞|异常/],
  ["promotions", /促销|品鉴|驻店|圈层|推广活动|消费者|活动/],
];

/** The record-by-record list. */
export const ZH_DETAILS = /明细|详情|详细|清单|列出|列一下|具体|哪几家|哪些店|是哪些/;

/** A team by its short name ("二组"); matched against the end of team names. */
export const ZH_TEAM_SHORT = /[一二三四五六七八九十]组/g;

/** Words that mean the whole team (not one person). */
export const ZH_WHOLE_TEAM = /团队|全组|组里|本组|大家|各位|所有人/;

/** A question or request rather than a statement (for telling a status question from chatter). */
export const ZH_ASKING = /[?？]|吗|呢|哪|多少|几|怎么样|怎样|如何|情况|汇总|统计|明细|清单|谁|有没有|导出|看看|看下|查/;
