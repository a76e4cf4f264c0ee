/** What every report answer needs besides its query: who asks, in which language, what their channel shows, and where files go. */
import type { ChannelCapabilities } from "../domain/messages.js";
import type { Person } from "../domain/roster.js";
import type { Messages } from "../locales/index.js";
import type { Db } from "../store/database.js";
import type { FileSink } from "../store/file-store.js";

export interface ReportEnv {
  db: Db;
  viewer: Person;
  /** Every reply text, in the asker's language. */
  t: Messages;
  /** The asker's local day. */
  today: string;
  /** What the asker's channel can show: a chart is drawn only where images show. */
  channel: ChannelCapabilities;
  /** Where charts and exports wait for download, behind signed links (store/file-store.ts). */
  files: FileSink;
  /** The server's public address, for links inside files (exported photos); unset in tests of the answers alone. */
  publicBase?: () => string;
  /** Product names by SKU (the catalogue is small). */
  products: Map<string, string>;
}
