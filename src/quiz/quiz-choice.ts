/**
 * Is a message an answer to a quiz question? "C", "c", "选C", "答案是C", "我选 c 吧", "I pick B",
 * "answer: d", "Ｃ" (full-width). Anything longer or vaguer is left to the rest of the bot.
 */
export type QuizLetter = "A" | "B" | "C" | "D";

const PATTERNS: RegExp[] = [
  // Chinese: an optional lead-in (选 / 我选 / 答案是 / 应该是…), the letter, an optional soft ending.
  /^(?:我?选(?:择)?|答案(?:是|选)?|应该(?:是|选)|我觉得(?:是|选)?|是)?\s*([a-d])\s*(?:项|选项)?\s*(?:吧|啊|呀|吗|嘛|了)?\s*[。.!！?？]*$/i,
  // English: "B", "I pick B", "I'll go with c", "my answer is D", "answer: a", "option C".
  /^(?:i(?:'ll| will)?\s+(?:pick|choose|chose|go with|say|think it'?s)|my answer is|the answer is|answer\s*(?:is|:)?|option|it'?s)?\s*\(?([a-d])\)?\s*[.!]*$/i,
];

export function parseQuizChoice(text: string): QuizLetter | null {
  const t = text.normalize("NFKC").trim();
  if (t.length === 0 || t.length > 24) return null;
  for (const pattern of PATTERNS) {
    const m = pattern.exec(t);
    if (m) return m[1].toUpperCase() as QuizLetter;
  }
  return null;
}
