/** How an English-speaking rep sets a planned stop aside for the day: "skip Joe's today, closed". */
export const EN_SKIP = {
  /** What opens a skip, before the store's name. */
  lead: /skip(?:ping)?/,
  /** "Today" at the front of the reason: dropped, since a skip is always for today. */
  today: /today/,
};
