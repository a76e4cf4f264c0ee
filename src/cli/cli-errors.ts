/** The coded errors of the plan, schedule and quiz commands: shown as one line, exit code 1. */

import { PlanError } from "../plans/build-plan.js";
import { SkipError } from "../plans/plan-skip.js";
import { TargetError } from "../plans/targets.js";
import { VisitRuleError } from "../plans/visit-rules.js";
import { QuizImportError } from "../quiz/quiz-bank.js";
import { AudienceError } from "../schedule/audience.js";
import { ReminderError } from "../schedule/reminders.js";

const KNOWN = [AudienceError, ReminderError, PlanError, SkipError, TargetError, VisitRuleError, QuizImportError];

/** Runs a command; a known error becomes its message on stderr and exit code 1, anything else propagates. */
export async function reportingErrors(err: NodeJS.WritableStream, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (KNOWN.some((k) => error instanceof k)) {
      err.write(`${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

export function usageError(err: NodeJS.WritableStream, message: string): number {
  err.write(`${message}\n`);
  return 2;
}
