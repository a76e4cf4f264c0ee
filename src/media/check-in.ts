/**
 * A shared location checks the sender in at their nearest shop within CHECKIN_RADIUS_M (拜访签到):
 * one shop in range is checked in at once, several are offered as a choice, none names the nearest.
 */
import type { Context } from "../core/context.js";
import type { Handler } from "../core/handler.js";
import { haversineKm, type Point } from "../plans/route.js";
import type { Db } from "../store/database.js";
import { placedShops, recordCheckIn, type Shop } from "./media-queries.js";
import { askWhichShop, shopAnswer } from "./pending-pick.js";

declare module "../core/session.js" {
  interface Session {
    /** A location near several shops, waiting for the sender to say which. */
    pendingCheckIn?: { lat: number; lng: number; at: string; inboundId: string; shops: string[] };
  }
}

export const DEFAULT_CHECKIN_RADIUS_M = 300;
/** At most this many shops in one question. */
const MAX_CHOICES = 5;

export function checkInHandlers(db: Db, radiusM: number): Handler[] {
  return [
    {
      name: "check-in",
      async handle(ctx, next) {
        const { attachment } = ctx.message;
        if (attachment?.kind !== "location") return next();
        ctx.intent = "check_in";
        const here = { lat: attachment.lat, lng: attachment.lng };
        const ranked = (await placedShops(db, ctx.person.id))
          .map((shop) => ({ shop, metres: haversineKm(here, shop) * 1000 }))
          .sort((a, b) => a.metres - b.metres);
        const nearest = ranked[0];
        if (!nearest) {
          ctx.reply({ kind: "text", text: ctx.t.media.checkInNoShops });
          return;
        }
        const inRange = ranked.filter((r) => r.metres <= radiusM);
        if (inRange.length === 0) {
          const { t } = ctx;
          ctx.reply({
            kind: "text",
            text: t.media.checkInNone(radiusM, nearest.shop.name, t.media.distance(nearest.metres)),
          });
          return;
        }
        if (inRange.length === 1) return checkIn(db, ctx, nearest.shop, here, ctx.message.receivedAt, ctx.inboundId);
        const offered = inRange.slice(0, MAX_CHOICES).map((r) => r.shop);
        ctx.session.pendingCheckIn = {
          ...here,
          at: ctx.message.receivedAt.toISOString(),
          inboundId: ctx.inboundId,
          shops: offered.map((s) => s.id),
        };
        askWhichShop(ctx, ctx.t.media.checkInWhich, offered);
      },
    },
    shopAnswer("check-in's shop", db, "pendingCheckIn", "check_in", (ctx, shop, pending) =>
      checkIn(db, ctx, shop, pending, new Date(pending.at), pending.inboundId),
    ),
  ];
}

async function checkIn(db: Db, ctx: Context, shop: Shop, here: Point, at: Date, inboundId: string): Promise<void> {
  const metres =
    shop.lat !== null && shop.lng !== null ? haversineKm(here, { lat: shop.lat, lng: shop.lng }) * 1000 : 0;
  await recordCheckIn(db, {
    personId: ctx.person.id,
    shopId: shop.id,
    day: ctx.today,
    place: { lat: here.lat, lng: here.lng },
    distanceM: Math.round(metres),
    at,
    inboundId,
  });
  ctx.reply({ kind: "text", text: ctx.t.media.checkedIn(shop.name, ctx.t.media.distance(metres)) });
}
