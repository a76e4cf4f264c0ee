import type { ScheduleMessages, WeekFigures } from "../messages/schedule.js";
import { format } from "./format.js";

const { count, percent, quote, span } = format;

const QUIZ_VERDICT = { unanswered: "no answer", right: "right", wrong: "wrong" } as const;

/** The given name to greet someone by: "Jake" of "Jake Miller". */
const callName = (name: string) => name.split(/\s+/)[0] || name;

function week(w: WeekFigures): string {
  return [
    count(w.visits, "visit"),
    w.planned ? `${w.done} of ${w.planned} planned visits done (${percent(w.done, w.planned)})` : "",
    w.skipped ? `${w.skipped} skipped` : "",
    w.stockOuts ? `${w.stockOuts} out-of-stock ${w.stockOuts === 1 ? "report" : "reports"}` : "",
    w.redFlags ? `⚠ ${w.redFlags} to review` : "",
    w.quiz.asked ? `quiz ${w.quiz.correct} of ${w.quiz.asked} right` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

export const schedule: ScheduleMessages = {
  greeting: (name, late) =>
    late ? `Hi ${callName(name)}, sorry, today's plan is late.` : `Good morning, ${callName(name)}!`,
  planHint: `Tell me about each stop as you go; if you can't make one, say "skip Joe's, closed today".`,
  nudge: (name, planned) =>
    `Hi ${callName(name)}, no visits logged today yet${planned ? ` (${planned} planned)` : ""}. After each stop just send one line, e.g. "Joe's Market: 3 cases Coke Zero, out of Diet Coke". If today was a different kind of day, just ignore this.`,

  digest: {
    title: (team, day) => `${team}: daily digest for ${format.day(day)}`,
    planHeading: "Visits against plan:",
    nothingLogged: (m) => `· ${m.name}: nothing logged today${m.planned ? ` (${m.planned} planned)` : ""}`,
    member: (m) =>
      `· ${m.name}: ${[`${m.done} of ${m.planned} planned`, m.skipped ? `${m.skipped} skipped` : "", m.extra ? `${count(m.extra, "visit")} off plan` : ""].filter(Boolean).join(", ")}`,
    stockOuts: (shops) =>
      `Out of stock at ${count(shops.length, "shop")}: ${format.clauses(shops.map((s) => `${s.shop} (${format.list(s.products)})`))}`,
    noStockOuts: "Out of stock: none reported",
    flagsHeading: (flags) => `⚠ Needs your attention (${flags}):`,
    flag: (name, shop, note) => `· ${name} at ${shop}${note ? `: ${quote(note)}` : ""}`,
    quiz: (name, verdict, month) =>
      `${name} ${QUIZ_VERDICT[verdict]}${month.answered ? `, ${month.correct} of ${month.answered} this month` : ""}`,
    quizLine: (entries) => `Today's quiz: ${format.clauses(entries)}`,
  },

  weekly: {
    own: (name, from, to, w) => `Hi ${callName(name)}, your week of ${span(from, to)}: ${week(w)}. Have a good week!`,
    teamTitle: (team, from, to) => `${team}: the week of ${span(from, to)}`,
    member: (name, w) => `· ${name}: ${week(w)}`,
  },

  reminder: (texts) => `Reminder: ${texts.textEn}`,
};
