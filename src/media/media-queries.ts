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

/** The photos of each visit, oldest first, at most `take` in all, with their bytes. */
export async function photosOfVisits(db: Db, visitIds: string[], take: number) {
  const rows = await db.photo.findMany({
    where: { visitId: { in: visitIds } },
    orderBy: { createdAt: "asc" },
    take,
    select: { id: true, visitId: true, media: { select: { mime: true, body: true } } },
  });
  return rows.map((r) => ({ id: r.id, visitId: r.visitId ?? "", mime: r.media.mime, body: r.media.body }));
}

/** Which of the visits were made at a shop their manager checked in at that day. */
export async function visitsOnSite(
  db: Db,
  visits: { id: string; managerId: string; retailerId: string; date: string }[],
) {
  if (visits.length === 0) return new Set<string>();
  const checkIns = await db.checkIn.findMany({
    where: {
      personId: { in: [...new Set(visits.map((v) => v.managerId))] },
      day: { in: [...new Set(visits.map((v) => v.date))] },
    },
    select: { personId: true, retailerId: true, day: true },
  });
  const at = new Set(checkIns.map((c) => `${c.personId}|${c.retailerId}|${c.day}`));
  return new Set(visits.filter((v) => at.has(`${v.managerId}|${v.retailerId}|${v.date}`)).map((v) => v.id));
}

/** The shop's latest photos, newest first, with their bytes. */
export async function latestPhotosOfShop(db: Db, shopId: string, take: number) {
  const rows = await db.photo.findMany({
    where: { retailerId: shopId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, day: true, media: { select: { mime: true, body: true } } },
  });
  return rows.map((r) => ({ id: r.id, day: r.day, mime: r.media.mime, body: r.media.body }));
}

export interface OnSite {
  /** Visits made at a shop the person checked in at that day. */
  onSite: number;
  /** Visits reported without a check-in at that shop that day. */
  unchecked: number;
}

/** Per person, their visits of the period with and without a check-in; empty when nobody checked in. */
export async function onSiteCounts(
  db: Db,
  personIds: string[],
  from: string,
  to: string,
): Promise<Map<string, OnSite>> {
  const days = { gte: from, lte: to };
  const checkIns = await db.checkIn.findMany({
    where: { personId: { in: personIds }, day: days },
    select: { personId: true, retailerId: true, day: true },
  });
  const counts = new Map<string, OnSite>();
  if (checkIns.length === 0) return counts;
  const at = new Set(checkIns.map((c) => `${c.personId}|${c.retailerId}|${c.day}`));
  const visits = await db.visit.findMany({
    where: { managerId: { in: personIds }, date: days, status: "active" },
    select: { managerId: true, retailerId: true, date: true },
  });
  for (const v of visits) {
    const entry = counts.get(v.managerId) ?? { onSite: 0, unchecked: 0 };
    if (at.has(`${v.managerId}|${v.retailerId}|${v.date}`)) entry.onSite++;
    else entry.unchecked++;
    counts.set(v.managerId, entry);
  }
  return counts;
}

/** Deletes voice notes and photos stored before `before` (their photo rows go with them); returns how many. */
export async function deleteMediaBefore(db: Db, before: Date): Promise<number> {
  const { count } = await db.inboundMedia.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
