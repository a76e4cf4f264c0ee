/** The daily 应知应会 question to each manager, recorded as open before it is pushed. */
import type { Lang } from "../../domain/roster.js";
import { messagesFor } from "../../locales/index.js";
import { askQuiz } from "../../quiz/quiz-ask.js";
import { activeMembers } from "../schedule-queries.js";
import type { ScheduledPush, TeamProducer } from "./producer.js";

const produceQuiz: TeamProducer = async (ctx, team, day) => {
  const managers = await activeMembers(ctx.db, team.name, "manager");
  let added = 0;
  for (const id of await ctx.outbox.withoutPush(
    managers.map((m) => m.id),
    "quiz",
    day,
  )) {
    const m = managers.find((x) => x.id === id);
    if (!m) continue;
    const asked = await askQuiz(ctx.db, m.id, day, messagesFor(m.lang as Lang));
    if (!asked) return added; // empty bank: nothing to ask anyone
    if (await ctx.outbox.enqueue({ personId: m.id, kind: "quiz", day, replies: asked.replies })) added++;
  }
  return added;
};

export const quiz = {
  kind: "quiz",
  at: (_team, times) => times.quizAt,
  until: (team) => team.digestAt,
  workdaysOnly: true,
  produce: produceQuiz,
} satisfies ScheduledPush;
