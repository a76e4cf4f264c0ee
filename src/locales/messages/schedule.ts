/** The schedule part of the message catalogue: the pushes the scheduler sends (plans, nudges, digests, weekly summaries, reminders). */

/** One manager's day in the supervisor's digest. */
interface DigestMember {
  name: string;
  planned: number;
  done: number;
  skipped: number;
  extra: number;
  visits: number;
}

/** How a manager did on today's quiz question. */
export type QuizVerdict = "unanswered" | "right" | "wrong";

/** One person's week in Monday's summary. */
export interface WeekFigures {
  visits: number;
  planned: number;
  done: number;
  skipped: number;
  stockOuts: number;
  redFlags: number;
  quiz: { asked: number; correct: number };
}

export interface ScheduleMessages {
  /** The morning plan's first line; `late` after a restart that sent it late. */
  greeting(name: string, late: boolean): string;
  /** Under a plan with stops: how to report and to skip. */
  planHint: string;
  /** The evening nudge to a manager with nothing logged; `planned` 0 when there was no plan. */
  nudge(name: string, planned: number): string;

  digest: {
    title(team: string, day: string): string;
    planHeading: string;
    nothingLogged(member: DigestMember): string;
    member(member: DigestMember): string;
    stockOuts(shops: { shop: string; products: string[] }[]): string;
    noStockOuts: string;
    flagsHeading(flags: number): string;
    flag(name: string, shop: string, note: string | null): string;
    /** 林志强 答对，本月 3/4 */
    quiz(name: string, verdict: QuizVerdict, month: { answered: number; correct: number }): string;
    quizLine(entries: string[]): string;
  };

  weekly: {
    /** A manager's own week. */
    own(name: string, from: string, to: string, week: WeekFigures): string;
    /** The supervisor's summary heading, then one line per member. */
    teamTitle(team: string, from: string, to: string): string;
    member(name: string, week: WeekFigures): string;
  };

  /** A policy reminder, in the reader's language from the texts the admin gave. */
  reminder(texts: { textZh: string; textEn: string }): string;
}
