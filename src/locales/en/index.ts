/** The English catalogue: every part of Messages. */
import type { Messages } from "../messages.js";
import { channels } from "./channels.js";
import { core } from "./core.js";
import { format } from "./format.js";
import { help } from "./help.js";
import { history } from "./history.js";
import { invites } from "./invites.js";
import { media } from "./media.js";
import { plans } from "./plans.js";
import { quiz } from "./quiz.js";
import { reports } from "./reports.js";
import { schedule } from "./schedule.js";
import { visits } from "./visits.js";
import { webLogin } from "./web-login.js";
import { words } from "./words.js";

export const en: Messages = {
  lang: "en",
  format,
  words,
  core,
  visits,
  history,
  help,
  invites,
  plans,
  quiz,
  reports,
  schedule,
  channels,
  webLogin,
  media,
};
