/** The daily 应知应会 question to each manager, recorded as open before it is pushed. */
import type { Lang } from "../../domain/roster.js";
import { askQuiz } from "../../quiz/quiz-ask.js";
import { activeMembers, type TeamProducer } from "./producer.js";

export const produceQuiz: TeamProducer = async (ctx, team, day) => {
  let added = 0;
  for (const m of await activeMembers(ctx, team.name, "manager")) {
    if (await ctx.outbox.has(m.id, "quiz", day)) continue;
    const asked = await askQuiz(ctx.db, { id: m.id, lang: m.lang as Lang }, day);
    if (!asked) return added; // empty bank: nothing to ask anyone
    if (await ctx.outbox.enqueue({ personId: m.id, kind: "quiz", day, replies: asked.replies })) added++;
  }
  return added;
};
