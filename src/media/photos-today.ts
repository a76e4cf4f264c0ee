/**
 * "今天的陈列照片" / "photos from today": the day's photos from everyone whose records the asker may
 * see (core/visibility.ts), each as an image reply behind a signed link: the web chat shows them as
 * a gallery, Slack inline, text-only channels as "who · shop: link".
 */
import type { Handler } from "../core/handler.js";
import { phraseKey } from "../core/phrase-key.js";
import { mayReach } from "../core/visibility.js";
import { LANGS } from "../domain/roster.js";
import { messagesFor } from "../locales/index.js";
import { localTime } from "../schedule/local-time.js";
import type { Db } from "../store/database.js";
import type { FileSink } from "../store/file-store.js";
import type { RosterStore } from "../store/roster-store.js";
import { photosOfDay, shopsByIds } from "./media-queries.js";
import { photoImage } from "./photo-links.js";

const PHRASES = new Set(LANGS.flatMap((lang) => messagesFor(lang).media.photosTodayPhrases.map(phraseKey)));
/** Photos per answer: a day's shelf photos for a team, not an archive. */
const MAX_PHOTOS = 30;
export function photosTodayHandler(db: Db, roster: RosterStore, files: FileSink): Handler {
  return {
    name: "photos today",
    async handle(ctx, next) {
      if (!PHRASES.has(phraseKey(ctx.message.text))) return next();
      ctx.intent = "photos_today";
      const { t, person } = ctx;
      const people = (await roster.people()).filter((p) => mayReach(person, p, "records"));
      const photos = await photosOfDay(
        db,
        people.map((p) => p.id),
        ctx.today,
      );
      if (photos.length === 0) {
        ctx.reply({ kind: "text", text: t.media.noPhotosToday });
        return;
      }
      const shops = await shopsByIds(db, [...new Set(photos.flatMap((p) => (p.retailerId ? [p.retailerId] : [])))]);
      const pictures = [];
      for (const photo of photos.slice(0, MAX_PHOTOS)) {
        const who = people.find((p) => p.id === photo.personId)?.name ?? photo.personId;
        const shop = shops.find((s) => s.id === photo.retailerId)?.name ?? "—";
        const time = localTime(photo.media.inbound.receivedAt, person.timezone);
        pictures.push(await photoImage(files, { id: photo.id, ...photo.media }, t.media.photoLine(who, shop, time)));
      }
      ctx.reply({ kind: "text", text: t.media.photosToday(photos.length) }, ...pictures);
    },
  };
}
