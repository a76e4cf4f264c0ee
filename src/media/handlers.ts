/** The voice/photo/location feature's handlers: answers to its own questions first, then the media kinds. */
import type { Handler } from "../core/handler.js";
import type { Db } from "../store/database.js";
import type { FileSink } from "../store/file-store.js";
import type { RosterStore } from "../store/roster-store.js";
import { checkInHandlers } from "./check-in.js";
import { photoHandlers } from "./photos.js";
import { photosTodayHandler } from "./photos-today.js";

export interface MediaDeps {
  db: Db;
  roster: RosterStore;
  files: FileSink;
  /** CHECKIN_RADIUS_M. */
  checkInRadiusM: number;
}

export function mediaHandlers({ db, roster, files, checkInRadiusM }: MediaDeps): Handler[] {
  return [...photoHandlers(db), ...checkInHandlers(db, checkInRadiusM), photosTodayHandler(db, roster, files)];
}
