/** A quiz question and its verdict as chat text, in the person's language. */
import type { Reply } from "../domain/messages.js";
import type { Lang } from "../domain/roster.js";
import type { QuizQuestion } from "../generated/prisma/client.js";
import type { QuizLetter } from "./quiz-choice.js";

export function optionText(q: QuizQuestion, letter: QuizLetter): string {
  return { A: q.optionA, B: q.optionB, C: q.optionC, D: q.optionD }[letter];
}

/** Letters, not numbered choices: the answer is typed back as "C" / "选C" on every channel. */
export function renderQuestion(q: QuizQuestion, lang: Lang): Reply[] {
  const options = (["A", "B", "C", "D"] as const).map((l) => `${l}. ${optionText(q, l)}`).join("\n");
  const text =
    lang === "zh"
      ? `【每日一题 · 应知应会】\n${q.question}\n${options}\n回复选项字母就行，比如“C”。`
      : `Quiz of the day\n${q.question}\n${options}\nReply with the letter, e.g. "C".`;
  return [{ kind: "text", text }];
}

export function renderVerdict(q: QuizQuestion, chosen: QuizLetter, lang: Lang): Reply[] {
  const right = q.answer as QuizLetter;
  const correct = chosen === right;
  const answer = `${right}（${optionText(q, right)}）`;
  const lines =
    lang === "zh"
      ? [correct ? `答对了！正确答案就是 ${answer}。` : `差一点。你选的是 ${chosen}，正确答案是 ${answer}。`]
      : [correct ? `Correct! The answer is ${right} (${optionText(q, right)}).` : `Not quite: you picked ${chosen}, the answer is ${right} (${optionText(q, right)}).`];
  if (q.explanation) lines.push(lang === "zh" ? `解析：${q.explanation}` : `Why: ${q.explanation}`);
  return [{ kind: "text", text: lines.join("\n") }];
}
