/**
 * A photo attaches to the sender's visit at the shop it is about: the visit reported within a few
 * minutes of it, else today's latest visit, else one short question with the shops checked in at
 * today. EXIF doubts (taken far from the shop, or on another day) are noted, never a refusal.
 */
import type { Context } from "../core/context.js";
import type { Handler } from "../core/handler.js";
import { haversineKm } from "../plans/route.js";
import type { Db } from "../store/database.js";
import { readPhotoFacts } from "./exif.js";
import { attachPhoto, checkedInShops, createPhoto, photoPlace, type Shop, visitsOfDay } from "./media-queries.js";
import { askWhichShop, shopAnswer } from "./pending-pick.js";

declare module "../core/session.js" {
  interface Session {
    /** A photo waiting for the sender to say which shop it is from. */
    pendingPhoto?: { photoId: string; shops: string[] };
  }
}

/** A photo sent this long after a report is of that report's visit. */
const SAME_VISIT_MS = 10 * 60_000;
/** Phone GPS indoors drifts a few hundred metres; beyond this a photo is noted as taken elsewhere. */
const FAR_FROM_SHOP_M = 1000;

export function photoHandlers(db: Db): Handler[] {
  return [
    {
      name: "photo",
      async handle(ctx, next) {
        if (ctx.message.attachment?.kind !== "image") return next();
        ctx.intent = "photo";
        const { media } = ctx.message;
        if (!media) {
          ctx.reply({ kind: "text", text: ctx.t.media.photoMissing });
          return;
        }
        const facts = await readPhotoFacts(media.data);
        const photoId = await createPhoto(db, {
          inboundId: ctx.inboundId,
          personId: ctx.person.id,
          day: ctx.today,
          takenAt: facts.takenAt,
          place: facts.place,
        });
        const visits = await visitsOfDay(db, ctx.person.id, ctx.today);
        const sent = ctx.message.receivedAt.getTime();
        const visit = visits.find((v) => Math.abs(sent - v.reportedAt.getTime()) <= SAME_VISIT_MS) ?? visits[0];
        if (visit) return attach(db, ctx, photoId, visit.shop, visit.id);
        const shops = await checkedInShops(db, ctx.person.id, ctx.today);
        if (shops.length === 1 && shops[0]) return attach(db, ctx, photoId, shops[0], null);
        if (shops.length === 0) {
          ctx.reply({ kind: "text", text: ctx.t.media.photoKept });
          return;
        }
        ctx.session.pendingPhoto = { photoId, shops: shops.map((s) => s.id) };
        askWhichShop(ctx, ctx.t.media.photoWhichShop, shops);
      },
    },
    shopAnswer("photo's shop", db, "pendingPhoto", "photo", async (ctx, shop, pending) => {
      const visit = (await visitsOfDay(db, ctx.person.id, ctx.today)).find((v) => v.shop.id === shop.id);
      await attach(db, ctx, pending.photoId, shop, visit?.id ?? null);
    }),
  ];
}

async function attach(db: Db, ctx: Context, photoId: string, shop: Shop, visitId: string | null): Promise<void> {
  const photo = await photoPlace(db, photoId);
  const { t } = ctx;
  const notes: string[] = [];
  const flags: string[] = [];
  if (photo.lat !== null && photo.lng !== null && shop.lat !== null && shop.lng !== null) {
    const metres = 1000 * haversineKm({ lat: photo.lat, lng: photo.lng }, { lat: shop.lat, lng: shop.lng });
    if (metres > FAR_FROM_SHOP_M) {
      flags.push("far_from_shop");
      notes.push(t.media.photoFarFromShop(t.media.distance(metres)));
    }
  }
  const takenDay = photo.takenAt?.slice(0, 10);
  if (takenDay && takenDay !== photo.day) {
    flags.push("other_day");
    notes.push(t.media.photoOtherDay(t.format.day(takenDay)));
  }
  const nth = await attachPhoto(db, photoId, { visitId, shopId: shop.id, flags });
  ctx.reply({ kind: "text", text: [t.media.photoAttached(shop.name, nth), ...notes].join("\n") });
}
