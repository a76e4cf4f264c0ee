/**
 * What a photo says about itself (exifr): when it was taken, by the camera's own clock (local time,
 * no zone: read as the sender's), and where, when the phone wrote GPS. Photos without EXIF (most chat
 * apps strip it) simply say nothing.
 */
import exifr from "exifr";
import type { Point } from "../plans/route.js";

export interface PhotoFacts {
  /** The local day the camera says it was taken (YYYY-MM-DD), or null. */
  takenDay: string | null;
  /** The local time as written ("2026-11-25T17:38:00"), or null. */
  takenAt: string | null;
  place: Point | null;
}

const NOTHING: PhotoFacts = { takenDay: null, takenAt: null, place: null };

export async function readPhotoFacts(photo: Uint8Array): Promise<PhotoFacts> {
  try {
    // Unrevived, the time stays the camera's wall-clock text instead of a Date in the server's zone.
    const tags = (await exifr.parse(photo, { pick: ["DateTimeOriginal", "CreateDate"], reviveValues: false })) as
      | { DateTimeOriginal?: string; CreateDate?: string }
      | undefined;
    const gps = await exifr.gps(photo);
    const taken = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}:\d{2}:\d{2})/.exec(tags?.DateTimeOriginal ?? tags?.CreateDate ?? "");
    const place =
      gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude)
        ? { lat: gps.latitude, lng: gps.longitude }
        : null;
    return {
      takenDay: taken ? `${taken[1]}-${taken[2]}-${taken[3]}` : null,
      takenAt: taken ? `${taken[1]}-${taken[2]}-${taken[3]}T${taken[4]}` : null,
      place,
    };
  } catch {
    // A damaged EXIF block is no reason to refuse the photo.
    return NOTHING;
  }
}
