import type { MediaMessages } from "../messages/media.js";

const distance = (metres: number) =>
  metres < 1000 ? `约 ${Math.round(metres)} 米` : `约 ${(metres / 1000).toFixed(1)} 公里`;

export const media: MediaMessages = {
  voiceOff: "语音识别未开启，请发文字。",
  voiceUnheard: "这段语音没听清，请再说一遍，或者直接发文字。",
  heard: (transcript) => `🎤 「${transcript}」`,
  distance,
  photoAttached: (shop, n) => `📷 已附到${shop}的拜访记录（今天第 ${n} 张）`,
  photoFarFromShop: (d) => `注意：照片拍摄地点离门店${d}，已标注。`,
  photoOtherDay: (day) => `注意：照片拍摄于 ${day}，不是今天，已标注。`,
  photoMissing: "这张照片没能收到，请再发一次。",
  photoWhichShop: "这张照片是哪家店的？",
  photoKept: "照片已收到。今天还没有拜访记录，报一下拜访情况后再发照片，就会附到那家店。",
  checkedIn: (shop, d) => `📍 已在${shop}签到（${d}）`,
  checkInWhich: "附近有几家您的门店，您在哪一家？",
  checkInNone: (radius, nearest, d) => `附近 ${radius} 米内没有您的门店，最近的是${nearest}（${d}）。`,
  checkInNoShops: "您名下的门店还没有坐标，暂时无法签到，请联系管理员补上门店位置。",
  photosTodayPhrases: ["今天的陈列照片", "今天的照片", "今日照片", "陈列照片", "今天陈列照片"],
  photosToday: (n) => `今天共 ${n} 张照片：`,
  noPhotosToday: "今天还没有人发照片。",
  photoLine: (person, shop, time) => `${time} ${person} · ${shop}`,
  galleryTitle: "今天的陈列照片",
  onSiteOf: (name, onSite, unchecked) => `${name} 在店 ${onSite} 家、未签到 ${unchecked} 家`,
  onSiteLine: (people) => `📍 拜访签到：${people}`,
  onSite: "在店",
};
