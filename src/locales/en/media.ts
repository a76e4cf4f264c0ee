import type { MediaMessages } from "../messages/media.js";

const distance = (metres: number) =>
  metres < 1000 ? `about ${Math.round(metres)} m` : `about ${(metres / 1000).toFixed(1)} km`;

export const media: MediaMessages = {
  voiceOff: "Voice isn't switched on here; please type it.",
  voiceUnheard: "I couldn't make out that voice note; please say it again or type it.",
  heard: (transcript) => `🎤 “${transcript}”`,
  distance,
  photoAttached: (shop, n) => `📷 Added to your visit at ${shop} (photo ${n} today)`,
  photoFarFromShop: (d) => `Note: the photo was taken ${d} from the shop; it's flagged.`,
  photoOtherDay: (day) => `Note: the photo was taken on ${day}, not today; it's flagged.`,
  photoMissing: "That photo didn't come through; please send it again.",
  photoWhichShop: "Which shop is this photo from?",
  photoKept:
    "Got the photo. There's no visit logged today yet; report the visit, then send the photo and it'll be added to that shop.",
  checkedIn: (shop, d) => `📍 Checked in at ${shop} (${d})`,
  checkInWhich: "A few of your shops are close by. Which one are you at?",
  checkInNone: (radius, nearest, d) => `None of your shops is within ${radius} m. The nearest is ${nearest} (${d}).`,
  checkInNoShops: "Your shops have no map positions yet, so check-in can't work; ask your admin to add them.",
  photosTodayPhrases: ["photos from today", "today's photos", "todays photos", "photos today", "display photos"],
  photosToday: (n) => `${n} photo${n === 1 ? "" : "s"} today:`,
  noPhotosToday: "Nobody has sent a photo today yet.",
  photoLine: (person, shop, time) => `${time} ${person} · ${shop}`,
  galleryTitle: "Photos from today",
  onSiteOf: (name, onSite, unchecked) => `${name} ${onSite} on site, ${unchecked} without check-in`,
  onSiteLine: (people) => `📍 Check-ins: ${people}`,
  onSite: "on site",
};
