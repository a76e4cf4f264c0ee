/** Shortens text quoted back to the sender (an owner's complaint on a plan line) to `max` characters, whitespace folded. */
export function clip(text: string, max: number): string {
  const folded = text.replace(/\s+/g, " ").trim();
  const chars = [...folded];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : folded;
}
