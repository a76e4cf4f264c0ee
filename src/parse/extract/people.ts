/**
 * Mentions of colleagues (志强, 丽萍和张伟, "Jake and Priya"): a message about people and
 * not shops is a question about the team.
 */
import type { Person } from "../../domain/roster.js";
import { isHan, normalizeText } from "../common/normalize.js";

/** Names a person is called by: full name, given name (Chinese), first name (English). */
export function personKeys(p: Person): string[] {
  const name = normalizeText(p.name).trim();
  const keys = [name];
  if ([...name].every(isHan)) {
    if (name.length === 3) keys.push(name.slice(1));
  } else {
    const [first = ""] = name.split(/\s+/);
    if (first.length >= 3) keys.push(first);
  }
  return keys;
}

export class PeopleNames {
  private readonly keys: string[];
  constructor(people: Person[]) {
    this.keys = [...new Set(people.filter((p) => p.role !== "admin").flatMap(personKeys))];
  }

  /** Is one word (normalised) a colleague's name? */
  isName(word: string): boolean {
    return this.keys.includes(word);
  }

  /** Does the normalised text name a colleague? (English names on word boundaries.) */
  mentioned(text: string): boolean {
    return this.keys.some((k) => {
      const i = text.indexOf(k);
      if (i < 0) return false;
      if (isHan(k[0])) return true;
      return !/[a-z]/.test(text[i - 1] ?? "") && !/[a-z]/.test(text[i + k.length] ?? "");
    });
  }
}
