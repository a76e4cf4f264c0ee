/** How an English-speaking rep sets a planned stop aside for the day: "skip Joe's today, closed", "Joe's closed today, skipping". */
export const EN_SKIP = {
  /** What opens a skip, before the store's name. */
  lead: /skip(?:ping)?/,
  /** What ends a skip, after the store and the reason. */
  trail: /skip(?:ping)?(?: it| (?:it|this one|them) today)?/,
  /** "Today" at the front of the reason: dropped, since a skip is always for today. */
  today: /today/,
};
