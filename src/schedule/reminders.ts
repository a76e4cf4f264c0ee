/**
 * Policy reminders admins schedule ("0 8 * * 1", team:新罗一组, a Chinese and an English text).
 * The cron runs in each recipient's own time zone; a person gets a reminder at most once a day.
 */
import nodeCron from "node-cron";
import type { Reminder } from "../generated/prisma/client.js";
import type { Db } from "../store/database.js";
import { formatAudience, validateAudience } from "./audience.js";
import { activeReminders, createReminder, retireReminder } from "./schedule-queries.js";

export class ReminderError extends Error {
  constructor(
    readonly code: "REMINDER_CRON" | "REMINDER_TEXT" | "REMINDER_UNKNOWN",
    message: string,
  ) {
    super(message);
  }
}

/** Checks a cron expression: five fields (minute hour day month weekday), explained when wrong. */
export function validateCron(expression: string): string {
  const e = expression.trim().replace(/\s+/g, " ");
  const fields = e.split(" ");
  if (fields.length !== 5) {
    throw new ReminderError(
      "REMINDER_CRON",
      `cron needs 5 fields "minute hour day-of-month month day-of-week", e.g. "0 8 * * 1" for Mondays at 08:00 (got ${fields.length}: "${expression}")`,
    );
  }
  const check = nodeCron.validateDetailed(e);
  if (!check.valid) {
    const why = check.errors
      .map((err) => `${err.field}${err.value ? ` "${err.value}"` : ""}: ${err.message}`)
      .join("; ");
    throw new ReminderError("REMINDER_CRON", `invalid cron "${expression}": ${why || "not a cron expression"}`);
  }
  return e;
}

export interface NewReminder {
  cron: string;
  audience: string;
  textZh?: string | null;
  textEn?: string | null;
  createdById?: string | null;
}

export async function addReminder(db: Db, r: NewReminder): Promise<Reminder> {
  const cron = validateCron(r.cron);
  const audience = formatAudience(await validateAudience(db, r.audience));
  const textZh = r.textZh?.trim() ?? "";
  const textEn = r.textEn?.trim() ?? "";
  if (!textZh && !textEn) throw new ReminderError("REMINDER_TEXT", "a reminder needs --text-zh or --text-en (or both)");
  // One language given: everyone gets that text rather than nothing.
  return createReminder(db, {
    cron,
    audience,
    textZh: textZh || textEn,
    textEn: textEn || textZh,
    createdById: r.createdById ?? null,
  });
}

export async function listReminders(db: Db): Promise<Reminder[]> {
  return activeReminders(db);
}

/** Retires a reminder (kept for the record of what was sent). */
export async function removeReminder(db: Db, id: number): Promise<void> {
  if (!(await retireReminder(db, id))) throw new ReminderError("REMINDER_UNKNOWN", `no active reminder ${id}`);
}
