/**
 * Asking about what a report left unclear, and folding the reply into the draft's answers.
 * One short question at a time, with numbered choices where there are any.
 */

import { isNo, isYes, readAnswer, unitOf } from "../core/picks.js";
import type { Reply } from "../domain/messages.js";
import { unitsFitting } from "../domain/records.js";
import type { Messages } from "../locales/index.js";
import type { ParseResult, Parser } from "../parse/index.js";
import type { PendingReport, Question } from "./report-draft.js";

/** The longest typed answer read as a product's name (软中华, "Coke Zero 12pk"): it replaces each mention. */
const PRODUCT_ANSWER_MAX = 40;

/** The labels of a question's numbered options, in order (what "2" or a name picks from). */
function optionLabels(question: Question, t: Messages): string[] {
  const q = t.visits.question;
  switch (question.kind) {
    case "shop":
      return question.candidates.map((c) => c.name);
    case "product":
      return [...question.candidates.map((c) => c.name), q.skipLabel];
    case "unit":
      return unitChoices(question.category, t).map((c) => c.label);
    case "unclear":
      return [...question.readings.map((r) => q.readingLabels[r]), q.skipLabel];
    case "confirm":
      return [q.confirmYes, q.confirmNo];
  }
}

/** The units offered for a count with no unit: those the product's category is counted in. */
function unitChoices(category: string | null, t: Messages) {
  const fitting = unitsFitting(category);
  return t.visits.question.units.filter((c) => fitting.includes(c.unit));
}

export function askQuestion(question: Question, t: Messages): Reply {
  const q = t.visits.question;
  const choices = (text: string): Reply => ({
    kind: "choices",
    text,
    choices: optionLabels(question, t).map((label) => ({ label, value: label })),
  });
  switch (question.kind) {
    case "shop":
      if (question.candidates.length > 1) return choices(q.shopWhich(question.mention ?? ""));
      return { kind: "text", text: question.mention ? q.shopUnknown(question.mention) : q.shopMissing };
    case "product":
      return choices(
        question.candidates.length ? q.productWhich(question.mention) : q.productUnknown(question.mention),
      );
    case "unit":
      return choices(q.unitWhich(question.mention));
    case "unclear":
      return choices(
        question.readings.length
          ? q.unclearWhich(question.mention, question.readings)
          : q.unclearWhat(question.mention),
      );
    case "confirm":
      return choices(q.confirm);
  }
}

/** Whether a reply carries facts of its own (stock, stock-outs, orders…): then it is a report, not an answer. */
function reportsFacts(reading: ParseResult): boolean {
  return reading.records.some((r) =>
    r.type === "visit"
      ? r.stock.length + r.outOfStock.length + r.listed.length + r.orders.length > 0
      : r.sales.length + r.skus.length > 0,
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
export function applyAnswer(
  parser: Parser,
  question: Question,
  text: string,
  pending: PendingReport,
  senderId: string,
  t: Messages,
  spellings: (sku: string) => string[] = () => [],
): AnswerOutcome {
  const labels = optionLabels(question, t);
  const answer = readAnswer(text, labels);
  if (answer.kind === "cancel") return { kind: "cancelled" };
  const answers = structuredClone(pending.answers);
  const next = (): AnswerOutcome => ({ kind: "answered", pending: { ...pending, answers, asked: pending.asked + 1 } });
  switch (question.kind) {
    case "shop": {
      if (answer.kind === "choice") {
        const picked = question.candidates[answer.index];
        if (!picked) return { kind: "unclear" };
        answers.shops[question.key] = picked.id;
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
        // The amount goes with the name: left alone it would be asked about as a number nothing explains.
        if (question.count) answers.dropped.push(question.count);
        answers.dropped.push(question.mention);
        return next();
      }
      if (answer.kind === "choice") {
        const picked = question.candidates[answer.index];
        if (!picked) return { kind: "unclear" };
        answers.products[question.mention] = readableAs(parser, picked, spellings(picked.sku), senderId, pending.now);
        return next();
      }
      // A product's name is short; a long answer would be copied over every mention of the word.
      if (answer.kind !== "text" || answer.text.length > PRODUCT_ANSWER_MAX) return { kind: "unclear" };
      const known = parser.parse({ text: answer.text, senderId, now: pending.now }).products.length > 0;
      if (!known) return { kind: "unclear" };
      answers.products[question.mention] = answer.text;
      return next();
    }
    case "unit": {
      const unit =
        answer.kind === "choice"
          ? (unitChoices(question.category, t)[answer.index]?.unit ?? null)
          : answer.kind === "text"
            ? unitOf(answer.text)
            : null;
      if (!unit) return { kind: "unclear" };
      answers.units[question.key] = unit;
      return next();
    }
    case "unclear": {
      if (answer.kind === "skip" || (answer.kind === "choice" && answer.index === question.readings.length)) {
        answers.dropped.push(question.mention);
        return next();
      }
      const reading = answer.kind === "choice" ? question.readings[answer.index] : undefined;
      if (answer.kind === "choice" && !reading) return { kind: "unclear" };
      answers.meanings = {
        ...answers.meanings,
        [question.key]: reading
          ? t.visits.question.readingAs(reading, question.amount, question.counted)
          : answer.kind === "text"
            ? answer.text
            : "",
      };
      return next();
    }
    case "confirm": {
      // "不对" starts with neither yes word, but "对" alone is yes: test no first.
      const no = answer.kind === "choice" ? answer.index === 1 : answer.kind === "text" && isNo(answer.text);
      const yes = !no && (answer.kind === "choice" ? answer.index === 0 : answer.kind === "text" && isYes(answer.text));
      if (yes) {
        answers.confirmed = true;
        return next();
      }
      return no ? { kind: "rejected" } : { kind: "unclear" };
    }
  }
}

/**
 * The words to put in place of an unclear product mention so that reading the draft again finds the
 * chosen product, with its count and everything else around it: the catalogue name when the parser
 * reads it as that product alone, else the first alias it does ("玉溪(硬)" is read as the brand 玉溪,
 * "硬玉溪" as the product).
 */
function readableAs(
  parser: Parser,
  picked: { sku: string; name: string },
  spellings: string[],
  senderId: string,
  now: string,
): string {
  const readsAsPicked = (words: string) => {
    const products = parser.parse({ text: words, senderId, now }).products;
    const [only] = products;
    return (
      products.length === 1 &&
      only?.mention.text === words &&
      only.candidates.length === 1 &&
      only.candidates[0]?.sku === picked.sku
    );
  };
  return [picked.name, ...spellings].find(readsAsPicked) ?? picked.name;
}
