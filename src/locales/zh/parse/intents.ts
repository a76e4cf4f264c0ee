/** Chinese phrasings of the intents other than reports; team questions are read from report-questions.ts. */
import type { IntentPhrases } from "../../../parse/locale.js";

export const intents: IntentPhrases = {
  help: /机器人|怎么(?:改|修改|删|撤回|撤销|更正)|能干啥|能干什么|能做什么|能做啥|怎么用|怎么报|怎么发|怎么弄|怎么操作|能识别|识别吗|使用说明|帮助|功能/,
  retailerQuery:
    /上次|上回|上一回|最近一次|什么时候去|啥时候去|有没有人去过|谁去过|记录|查下|查一下|查查|多少|历史|(?:怎么样|咋样|如何|情况)了?[?？]\s*$|^[^，,。\s]{1,12}最近(?:怎么样|咋样|如何)了?[?？吗]?\s*$/,
  request: /导出|报表|明细|汇总|统计/,
  plan: /去哪|要跑的店|要去的店|帮我排|哪(?:几|些)个?(?:户|店)|线路|路线|计划|要拜访|还剩哪|哪几家|没跑|没去|还差|安排|排了|今天.*拜访.*店/,
  question: /[?？]|吗|呢|来着|哪天|谁|哪|多少|几家|几个|啥|什么|情况|覆盖率|怎么样|如何|有没有|是否/,
};
