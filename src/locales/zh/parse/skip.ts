/** How a Chinese manager sets a planned shop aside for the day: «跳过老王家 今天关门», «今天不去张记了», «洪记副食今天关门了 跳过». */
export const ZH_SKIP = {
  /** What opens a skip, before the shop's name. */
  lead: /跳过|今天不去|先不去/,
  /** What ends a skip, after the shop and the reason. */
  trail: /跳过|先跳过|今天跳过|不去了/,
  /** "Today" at the front of the reason: dropped, since a skip is always for today. */
  today: /今天/,
};
