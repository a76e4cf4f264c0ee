/**
 * A Chinese answer to the daily quiz: "C", "选C", "答案是C", "我选 c 吧", "应该选D", "Ｃ" (after NFKC).
 * An optional lead-in (选 / 我选 / 答案是 / 应该是…), the letter (group 1), an optional soft ending.
 */
export const ZH_QUIZ_ANSWER =
  /^(?:我?选(?:择)?|答案(?:是|选)?|应该(?:是|选)|我觉得(?:是|选)?|是)?\s*([a-d])\s*(?:项|选项)?\s*(?:吧|啊|呀|吗|嘛|了)?\s*[。.!！?？]*$/i;
