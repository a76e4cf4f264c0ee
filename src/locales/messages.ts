/**
 * Every text Fieldmate sends, as one typed catalogue per language. Each feature has its part
 * (its interface in `messages/`, its wording in `zh/` and `en/`); a language missing a message
 * fails the type check.
 */
import type { Lang } from "../domain/roster.js";
import type { Formatter } from "./format.js";
import type { ChannelMessages } from "./messages/channels.js";
import type { CoreMessages } from "./messages/core.js";
import type { HelpMessages } from "./messages/help.js";
import type { HistoryMessages } from "./messages/history.js";
import type { InviteMessages } from "./messages/invites.js";
import type { MediaMessages } from "./messages/media.js";
import type { PlanMessages } from "./messages/plans.js";
import type { QuizMessages } from "./messages/quiz.js";
import type { ReportMessages } from "./messages/reports.js";
import type { ScheduleMessages } from "./messages/schedule.js";
import type { VisitMessages } from "./messages/visits.js";
import type { Vocabulary } from "./messages/vocabulary.js";
import type { WebLoginMessages } from "./messages/web-login.js";

export interface Messages {
  lang: Lang;
  format: Formatter;
  /** Names of things every feature talks about: activities, promotion formats, shop classes. */
  words: Vocabulary;
  core: CoreMessages;
  visits: VisitMessages;
  history: HistoryMessages;
  help: HelpMessages;
  invites: InviteMessages;
  plans: PlanMessages;
  quiz: QuizMessages;
  reports: ReportMessages;
  schedule: ScheduleMessages;
  channels: ChannelMessages;
  webLogin: WebLoginMessages;
  media: MediaMessages;
}
