/** What src/media reads and writes: transcripts, photos, check-ins and the shops they point at. */
import { randomUUID } from "node:crypto";
import type { Point } from "../plans/route.js";
import type { Db } from "../store/database.js";

export interface Shop {
  id: string;
  name: string;
  lat: number | null;
  lng: number | null;
}

const SHOP = { select: { id: true, name: true, lat: true, lng: true } } as const;

export async function saveTranscript(db: Db, inboundId: string, transcript: string): Promise<void> {
  await db.inboundMedia.updateMany({ where: { inboundId }, data: { transcript } });
}

/** The person's active visits of `day`, latest first, with when each report arrived. */
export async function visitsOfDay(db: Db, personId: string, day: string) {
  const rows = await db.visit.findMany({
    where: { managerId: personId, date: day, status: "active" },
    orderBy: { createdAt: "desc" },
    select: { id: true, retailer: SHOP, message: { select: { receivedAt: true } }, createdAt: true },
  });
  return rows.map((r) => ({ id: r.id, shop: r.retailer, reportedAt: r.message?.receivedAt ?? r.createdAt }));
}

/** The person's shops that have a position on the map. */
export async function placedShops(db: Db, personId: string): Promise<(Shop & Point)[]> {
  const rows = await db.retailer.findMany({
    where: { managerId: personId, active: true, lat: { not: null }, lng: { not: null } },
    ...SHOP,
  });
  return rows.filter((r): r is Shop & Point => r.lat !== null && r.lng !== null);
}

export async function shopsByIds(db: Db, ids: string[]): Promise<Shop[]> {
  return db.retailer.findMany({ where: { id: { in: ids } }, ...SHOP });
}

export interface NewPhoto {
  inboundId: string;
  personId: string;
  day: string;
  takenAt: string | null;
  place: Point | null;
}

export async function createPhoto(db: Db, photo: NewPhoto): Promise<string> {
  const id = randomUUID();
  await db.photo.create({
    data: {
      id,
      mediaId: photo.inboundId,
      personId: photo.personId,
      day: photo.day,
      takenAt: photo.takenAt,
      lat: photo.place?.lat ?? null,
      lng: photo.place?.lng ?? null,
    },
  });
  return id;
}

/** Puts the photo with a shop (and the visit there, if any) and notes its doubts; returns the shop's photo count that day. */
export async function attachPhoto(
  db: Db,
  photoId: string,
  target: { visitId: string | null; shopId: string; flags: string[] },
): Promise<number> {
  const photo = await db.photo.update({
    where: { id: photoId },
    data: { visitId: target.visitId, retailerId: target.shopId, flags: JSON.stringify(target.flags) },
  });
  return db.photo.count({ where: { personId: photo.personId, retailerId: target.shopId, day: photo.day } });
}

export async function photoPlace(db: Db, photoId: string) {
  return db.photo.findUniqueOrThrow({
    where: { id: photoId },
    select: { lat: true, lng: true, takenAt: true, day: true },
  });
}

export async function recordCheckIn(
  db: Db,
  checkIn: {
    personId: string;
    shopId: string;
    day: string;
    place: Point;
    distanceM: number;
    at: Date;
    inboundId: string;
  },
): Promise<void> {
  await db.checkIn.create({
    data: {
      id: randomUUID(),
      personId: checkIn.personId,
      retailerId: checkIn.shopId,
      day: checkIn.day,
      lat: checkIn.place.lat,
      lng: checkIn.place.lng,
      distanceM: checkIn.distanceM,
      at: checkIn.at,
      inboundId: checkIn.inboundId,
    },
  });
}

/** The shops the person checked in at on `day`, most recent first. */
export async function checkedInShops(db: Db, personId: string, day: string): Promise<Shop[]> {
  const rows = await db.checkIn.findMany({
    where: { personId, day },
    orderBy: { at: "desc" },
    select: { retailerId: true },
  });
  const ids = [...new Set(rows.map((r) => r.retailerId))];
  const shops = await shopsByIds(db, ids);
  return ids.flatMap((id) => shops.filter((s) => s.id === id));
}

/** Photos sent on `day` by any of `personIds`, oldest first, with their bytes. */
export async function photosOfDay(db: Db, personIds: string[], day: string) {
  return db.photo.findMany({
    where: { day, personId: { in: personIds } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      personId: true,
      retailerId: true,
      flags: true,
      media: { select: { mime: true, body: true, inbound: { select: { receivedAt: true } } } },
    },
  });
}
