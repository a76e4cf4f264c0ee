/** Voice notes, photos and location check-ins (src/media). */
export interface MediaMessages {
  /** No speech recogniser is configured; the audio is kept all the same. */
  voiceOff: string;
  /** The recogniser failed or heard nothing. */
  voiceUnheard: string;
  /** What was heard, shown before the answer so a mis-hearing can be corrected in words. */
  heard(transcript: string): string;
  /** 45 米 / 1.2 公里. */
  distance(metres: number): string;
  photoAttached(shop: string, nthToday: number): string;
  /** Doubts written beside a photo, never a refusal. */
  photoFarFromShop(distance: string): string;
  photoOtherDay(day: string): string;
  /** The channel could not fetch the photo's bytes. */
  photoMissing: string;
  photoWhichShop: string;
  /** Nothing to attach to: no visit today and no shops. */
  photoKept: string;
  checkedIn(shop: string, distance: string): string;
  checkInWhich: string;
  checkInNone(radiusM: number, nearest: string, distance: string): string;
  checkInNoShops: string;
  /** What a supervisor sends to see the day's photos; compared without case, spaces or punctuation. */
  photosTodayPhrases: readonly string[];
  photosToday(count: number): string;
  noPhotosToday: string;
  /** One line of the list: who, which shop, when. */
  photoLine(person: string, shop: string, time: string): string;
  galleryTitle: string;
  /** 黄丽萍 在店 2 家、未签到 1 家: one person's visits with and without a check-in. */
  onSiteOf(name: string, onSite: number, unchecked: number): string;
  /** The team status line holding every person's onSiteOf. */
  onSiteLine(people: string): string;
  /** The 在店 mark beside a visit made after a check-in at that shop. */
  onSite: string;
}
