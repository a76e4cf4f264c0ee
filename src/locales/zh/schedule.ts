import type { ScheduleMessages, WeekFigures } from "../messages/schedule.js";
import { format } from "./format.js";

const { percent, quote, span } = format;

const QUIZ_VERDICT = { unanswered: "未答", right: "答对", wrong: "答错" } as const;

function week(w: WeekFigures): string {
  return [
    `拜访 ${w.visits} 家次`,
    w.planned ? `计划完成 ${w.done}/${w.planned}（${percent(w.done, w.planned)}）` : "",
    w.skipped ? `跳过 ${w.skipped} 家` : "",
    w.stockOuts ? `报断货 ${w.stockOuts} 次` : "",
    w.redFlags ? `⚠ 需关注 ${w.redFlags} 条` : "",
    w.quiz.asked ? `答题 ${w.quiz.correct}/${w.quiz.asked}` : "",
  ]
    .filter(Boolean)
    .join("，");
}

export const schedule: ScheduleMessages = {
  greeting: (name, late) => (late ? `${name}，今天的拜访计划发晚了，抱歉！` : `${name}，早上好！`),
  planHint: "跑完一家说一声就能记下；临时去不了，就说「跳过老王家 今天关门」。",
  nudge: (name, planned) =>
    `${name}，今天还没有拜访记录哦${planned ? `（今天计划 ${planned} 家）` : ""}。跑完一家随手发一句就能记下，比如「老王烟酒店 硬中华5条，玉溪断货」。今天在忙别的事的话，忽略这条就好。`,

  digest: {
    title: (team, day) => `【${team} · ${format.day(day)} 日报】`,
    planHeading: "计划执行：",
    nothingLogged: (m) => `· ${m.name}：今天还没有拜访记录${m.planned ? `（计划 ${m.planned} 家）` : ""}`,
    member: (m) =>
      `· ${m.name}：${[`计划 ${m.planned} 家，完成 ${m.done} 家`, m.skipped ? `跳过 ${m.skipped} 家` : "", m.extra ? `计划外 ${m.extra} 家` : ""].filter(Boolean).join("，")}`,
    stockOuts: (shops) =>
      `断货（${shops.length} 家）：${format.clauses(shops.map((s) => `${s.shop} ${format.list(s.products)}`))}`,
    noStockOuts: "断货：今天没有上报",
    flagsHeading: (flags) => `⚠ 需要关注（${flags} 条）：`,
    flag: (name, shop, note) => `· ${name} @ ${shop}${note ? `：${quote(note)}` : ""}`,
    quiz: (name, verdict, month) =>
      `${name} ${QUIZ_VERDICT[verdict]}${month.answered ? `，本月 ${month.correct}/${month.answered}` : ""}`,
    quizLine: (entries) => `今日答题：${format.clauses(entries)}`,
  },

  weekly: {
    own: (name, from, to, w) => `${name}，上周（${span(from, to)}）小结：${week(w)}。新的一周加油！`,
    teamTitle: (team, from, to) => `【${team} · 上周小结（${span(from, to)}）】`,
    member: (name, w) => `· ${name}：${week(w)}`,
  },

  reminder: (texts) => `【提醒】${texts.textZh}`,
};
