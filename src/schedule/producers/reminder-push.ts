/** A policy reminder for the people of its audience in one time zone, in each one's language. */
import type { Reminder } from "../../generated/prisma/client.js";
import { parseAudience, selectAudience } from "../audience.js";
import { messagesOf, type ProducerContext } from "./producer.js";

export async function produceReminder(
  ctx: ProducerContext,
  reminder: Reminder,
  timezone: string,
  day: string,
): Promise<number> {
  const kind = `reminder:${reminder.id}` as const;
  let added = 0;
  for (const p of await selectAudience(ctx.db, parseAudience(reminder.audience), timezone)) {
    const text = messagesOf(p).schedule.reminder(reminder);
    if (await ctx.outbox.enqueue({ personId: p.id, kind, day, replies: [{ kind: "text", text }] })) added++;
  }
  return added;
}
