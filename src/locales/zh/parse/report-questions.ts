/**
 * How supervisors ask for each report in Chinese. One table serves both readers: the intent
 * classifier takes a message as a team question when any `asks` phrase (or `team`) matches, and the
 * query reader takes the first kind whose `asks` or `names` phrase matches (else team_status).
 *
 * Adding a report question: add its kind to REPORT_KINDS (reports/query/query-types.ts), a row here
 * and in en/parse/report-questions.ts (`asks` for phrases that alone make a question, `names` for
 * words that occur in reports too), and its answer under reports/. The intent classifier needs nothing.
 */
import type { ReportQuestions } from "../../../parse/locale.js";

export const reportQuestions: ReportQuestions = {
  kinds: [
    { kind: "export", asks: /导出/, names: /下载|表格|excel|xlsx|报表文件/ },
    // 谁 (in `team`) already makes 谁还没报 a question.
    {
      kind: "not_reported",
      names: /报齐|报全|都报了|没报|未报|没上报|未上报|没有报|没交|没提交|没记录|没登记|谁还没|谁没/,
    },
    { kind: "coverage", asks: /覆盖/, names: /漏访|没去过|没跑到|该去没去/ },
    // 断 before a product name ("哪些店断软中华") is a stock-out too.
    {
      kind: "stock_outs",
      asks: /哪些店.*(?:断|缺|没货)|(?:断货|缺货).*(?:哪些|哪几|最多)/,
      names: /断货|缺货|断了|卖断|[店家]断|断[^\s，。,？?]{1,8}(?:的店|了|吗|[?？]|$)/,
    },
    {
      kind: "red_flags",
      asks: /合规|违规|红线|(?:有没有|有无|是否有|有哪些).{0,8}(?:压货|搭售|强制|超价)/,
      names: /红旗|红灯|风险|压货|搭售|强制上柜|硬塞|异常/,
    },
    {
      kind: "promotions",
      asks: /促销情况|活动情况|(?:促销|活动|品鉴|驻店).{0,6}(?:几场|多少场)/,
      names: /促销|品鉴|驻店|圈层|推广活动|消费者|活动/,
    },
  ],
  team: /谁|组里|全组|本组|咱(?:们)?组|我们组|[一二三四五六七八九]组|团队|大家.*(?:[吗？?]|怎么样|咋样|如何)|拜访情况|跑了几家|拜访了几家|完成率|报表/,
  details: { asks: /明细/, names: /详情|详细|清单|列出|列一下|具体|哪几家|哪些店|是哪些/ },
  wholeTeam: /团队|全组|组里|本组|咱(?:们)?组|我们组|大家|各位|所有人/,
  teamShort: /[一二三四五六七八九十]组/g,
};
