/** What every report answer needs besides its query: who asks, in which language and channel, and where files go. */
import type { ChannelName } from "../domain/messages.js";
import type { Lang, Person } from "../domain/roster.js";
import type { Db } from "../store/database.js";
import type { FileStore } from "./files/file-store.js";

export interface ReportEnv {
  db: Db;
  viewer: Person;
  lang: Lang;
  /** The asker's local day. */
  today: string;
  channel: ChannelName;
  files: FileStore;
  /** Product names by SKU (the catalogue is small). */
  products: Map<string, string>;
}

/** Channels that show pictures inline; WeChat gets text only (its bot API sends no images by URL). */
export const IMAGE_CHANNELS: ReadonlySet<ChannelName> = new Set(["web", "slack"]);
