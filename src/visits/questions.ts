/**
 * Asking about what a report left unclear, and folding the reply into the draft's answers.
 * One short question at a time, with numbered choices where there are any.
 */
import type { Lang } from "../domain/roster.js";
import type { Parser } from "../parse/index.js";
import type { Unit } from "../domain/records.js";
import type { ParseResult } from "../parse/types.js";
import { readAnswer } from "./picks.js";
import { unitOf } from "./picks.js";
import type { Reply } from "../domain/messages.js";
import type { PendingReport, Question } from "./report-draft.js";

const UNIT_CHOICES: Record<Lang, { label: string; unit: Unit }[]> = {
  zh: [
    { label: "条", unit: "carton" },
    { label: "包", unit: "pack" },
    { label: "件", unit: "case" },
    { label: "瓶/罐", unit: "unit" },
  ],
  en: [
    { label: "cases", unit: "case" },
    { label: "packs", unit: "pack" },
    { label: "cartons", unit: "carton" },
    { label: "bottles/cans", unit: "unit" },
  ],
};

const SKIP_LABEL: Record<Lang, string> = { zh: "忽略这一项", en: "skip it" };
const CONFIRM_LABELS: Record<Lang, [string, string]> = { zh: ["对，保存", "不对"], en: ["Yes, save it", "No"] };

/** The labels of a question's numbered options, in order (what "2" or a name picks from). */
export function optionLabels(question: Question, lang: Lang): string[] {
  switch (question.kind) {
    case "shop":
      return question.candidates.map((c) => c.name);
    case "product":
      return [...question.candidates.map((c) => c.name), SKIP_LABEL[lang]];
    case "unit":
      return UNIT_CHOICES[lang].map((c) => c.label);
    case "confirm":
      return CONFIRM_LABELS[lang];
  }
}

export function askQuestion(question: Question, lang: Lang): Reply {
  const zh = lang === "zh";
  const choices = (text: string): Reply => ({
    kind: "choices",
    text,
    choices: optionLabels(question, lang).map((label) => ({ label, value: label })),
  });
  switch (question.kind) {
    case "shop":
      if (question.candidates.length > 1) {
        return choices(zh ? `「${question.mention}」有好几家，是哪一家？` : `Which "${question.mention}" do you mean?`);
      }
      return {
        kind: "text",
        text: question.mention
          ? zh
            ? `没找到「${question.mention}」这家店，请发一下全称或许可证号。`
            : `I couldn't find a shop called "${question.mention}". What's its full name or licence number?`
          : zh
            ? "这条记录是哪家店的？请发一下店名。"
            : "Which shop was this? Send me its name.",
      };
    case "product":
      return question.candidates.length
        ? choices(zh ? `「${question.mention}」是哪个产品？` : `Which product is "${question.mention}"?`)
        : choices(
            zh
              ? `目录里没找到「${question.mention}」，请发一下产品名称（如「软中华」），或回复「忽略」。`
              : `"${question.mention}" isn't in the catalogue. Send me the product name (e.g. "Coke Zero"), or reply "skip".`,
          );
    case "unit":
      return choices(zh ? `「${question.mention}」是什么单位？` : `"${question.mention}" — in what unit?`);
    case "confirm":
      return choices(zh ? "上面是我的理解，对吗？" : "Is that right?");
  }
}

/** Whether a reply carries facts of its own (stock, stock-outs, orders…): then it is a report, not an answer. */
function reportsFacts(reading: ParseResult): boolean {
  return reading.records.some((r) =>
    r.type === "visit" ? r.stock.length + r.outOfStock.length + r.listed.length + r.orders.length > 0 : r.sales.length + r.skus.length > 0,
  );
}

export type AnswerOutcome =
  | { kind: "answered"; pending: PendingReport }
  | { kind: "cancelled" }
  | { kind: "rejected" }
  | { kind: "unclear" };

/**
 * Applies a reply to the open question. "unclear" means the reply did not answer it (the caller
 * decides whether it is a new report or asks again); "rejected" is a "no" to the shown understanding.
 */
export function applyAnswer(parser: Parser, question: Question, text: string, pending: PendingReport, senderId: string): AnswerOutcome {
  const labels = optionLabels(question, pending.lang);
  const answer = readAnswer(text, labels);
  if (answer.kind === "cancel") return { kind: "cancelled" };
  const answers = structuredClone(pending.answers);
  const next = (): AnswerOutcome => ({ kind: "answered", pending: { ...pending, answers, asked: pending.asked + 1 } });
  switch (question.kind) {
    case "shop": {
      if (answer.kind === "choice") {
        answers.shops[question.key] = question.candidates[answer.index].id;
        return next();
      }
      if (answer.kind === "skip" && question.mention) {
        answers.dropped.push(question.mention);
        return next();
      }
      if (answer.kind !== "text") return { kind: "unclear" };
      const reading = parser.parse({ text: answer.text, senderId, now: pending.now });
      const shop = reading.shops.find((s) => s.id);
      if (!shop?.id) return { kind: "unclear" };
      // Naming a shop that was not offered, or reporting facts with it, is a new report, not an answer.
      const offered = question.candidates.length === 0 || question.candidates.some((c) => c.id === shop.id);
      if (!offered || reportsFacts(reading)) return { kind: "unclear" };
      answers.shops[question.key] = shop.id;
      return next();
    }
    case "product": {
      if (answer.kind === "skip" || (answer.kind === "choice" && answer.index === question.candidates.length)) {
        answers.dropped.push(question.mention);
        return next();
      }
      if (answer.kind === "choice") {
        answers.products[question.mention] = question.candidates[answer.index].name;
        return next();
      }
      if (answer.kind !== "text") return { kind: "unclear" };
      const known = parser.parse({ text: answer.text, senderId, now: pending.now }).products.length > 0;
      if (!known) return { kind: "unclear" };
      answers.products[question.mention] = answer.text;
      return next();
    }
    case "unit": {
      const unit = answer.kind === "choice" ? UNIT_CHOICES[pending.lang][answer.index].unit : answer.kind === "text" ? unitOf(answer.text) : null;
      if (!unit) return { kind: "unclear" };
      answers.units[question.key] = unit;
      return next();
    }
    case "confirm": {
      const yes = answer.kind === "choice" ? answer.index === 0 : answer.kind === "text" && /^(对|是|是的|没错|好|ok|okay|yes|yep|correct|right|save)/i.test(answer.text);
      const no = answer.kind === "choice" ? answer.index === 1 : answer.kind === "text" && /^(不对|不是|错|no|nope|wrong)/i.test(answer.text);
      if (yes) {
        answers.confirmed = true;
        return next();
      }
      return no ? { kind: "rejected" } : { kind: "unclear" };
    }
  }
}
