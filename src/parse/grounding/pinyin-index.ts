/**
 * Homophone lookup for Chinese names typed by sound (何彬 for 何斌, 旋赫门 for 炫赫门,
 * 软中花 for 软中华): keys are indexed by their toneless pinyin, and a hit must share at
 * least one character with the key and differ in at most one.
 */
import { pinyin } from "pinyin-pro";
import { isHan } from "../common/normalize.js";

/**
 * Characters every other shop name shares (王记, 老张家, 超市): a sound-alike that agrees only
 * on these is an ordinary word (忘记 is not 王记).
 */
const GENERIC_SHOP_CHARS: ReadonlySet<string> = new Set([..."记家老店超市号行部铺便利商百货副食杂小卖烟酒"]);

const syllableCache = new Map<string, string>();
const readingsCache = new Map<string, string[]>();

/**
 * Sounds typed or dictated alike fold together (模糊音, as input methods and southern speech have
 * them): zh/z, ch/c, sh/s, -ng/-n, l/n. 红塔三 is 红塔山 said without the retroflex.
 */
const fold = (s: string): string =>
  s
    .replace(/^([zcs])h/, "$1")
    .replace(/ng$/, "n")
    .replace(/^l/, "n");

/** The toneless default reading of one Han character, folded (cached: the set of characters is small). */
function syllable(ch: string): string {
  let s = syllableCache.get(ch);
  if (s === undefined) {
    s = isHan(ch) ? fold(pinyin(ch, { toneType: "none" })) : ch;
    syllableCache.set(ch, s);
  }
  return s;
}

/** Every reading of a character (都: dou, du), folded: a key is indexed under each. */
function readings(ch: string): string[] {
  let r = readingsCache.get(ch);
  if (r === undefined) {
    r = isHan(ch) ? [...new Set(pinyin(ch, { toneType: "none", multiple: true, type: "array" }).map(fold))] : [ch];
    if (!r.length) r = [syllable(ch)];
    readingsCache.set(ch, r);
  }
  return r;
}

/** A key's sounds: one per combination of its characters' readings, at most MAX_READINGS. */
const MAX_READINGS = 16;
const soundsOf = (chars: string): string[] => {
  let out = [""];
  for (const ch of chars) {
    const next: string[] = [];
    for (const prefix of out) for (const r of readings(ch)) next.push(`${prefix}${r}'`);
    out = next.slice(0, MAX_READINGS);
  }
  return out;
};

export interface SoundHit<T> {
  start: number;
  end: number;
  key: string;
  postings: readonly T[];
}

export class PinyinIndex<T> {
  private readonly bySound = new Map<string, { key: string; postings: T[] }[]>();
  /** First syllable → the key lengths (in characters) starting with it: prunes most offsets at once. */
  private readonly lengthsByFirst = new Map<string, number[]>();

  /** `generic`: characters too common in these names to vouch for a sound-alike (shops: 记, 超市; products: none). */
  constructor(private readonly generic: ReadonlySet<string> = GENERIC_SHOP_CHARS) {}

  /** Only all-Han keys of 2+ characters: shorter ones sound like too many words. */
  add(key: string, posting: T): void {
    if (key.length < 2 || ![...key].every(isHan)) return;
    for (const sound of soundsOf(key)) {
      const list = this.bySound.get(sound) ?? [];
      const entry = list.find((e) => e.key === key);
      if (entry) entry.postings.push(posting);
      else list.push({ key, postings: [posting] });
      this.bySound.set(sound, list);
    }
    for (const first of readings(key.charAt(0))) {
      const lengths = this.lengthsByFirst.get(first) ?? [];
      if (!lengths.includes(key.length)) lengths.push(key.length);
      this.lengthsByFirst.set(first, lengths);
    }
  }

  /**
   * Hits that sound like a key but are not written like it, outside `covered` offsets
   * (a hit may swallow a shorter exact match it contains: 软中花 over 软中).
   */
  scan(text: string, covered: (start: number, end: number) => boolean): SoundHit<T>[] {
    const hits: SoundHit<T>[] = [];
    // Han characters are single UTF-16 units, so offsets are plain string indexes.
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i);
      if (!isHan(ch)) continue;
      const lengths = this.lengthsByFirst.get(syllable(ch));
      if (!lengths) continue;
      for (const len of lengths) {
        if (i + len > text.length) continue;
        let sound = "";
        let ok = true;
        for (let j = i; j < i + len; j++) {
          const at = text.charAt(j);
          if (!isHan(at)) {
            ok = false;
            break;
          }
          sound += `${syllable(at)}'`;
        }
        if (!ok) continue;
        const entries = this.bySound.get(sound);
        if (!entries) continue;
        const start = i;
        const end = i + len;
        if (covered(start, end)) continue;
        const written = text.slice(start, end);
        for (const e of entries) {
          let same = 0;
          let distinctive = 0;
          for (let j = 0; j < len; j++) {
            if (written[j] !== e.key[j]) continue;
            same++;
            if (!this.generic.has(written.charAt(j))) distinctive++;
          }
          // 老汪家 for 老王家: in a name of three or more, the one sound-alike may be its only own character.
          if ((distinctive >= 1 || len >= 3) && len - same === 1)
            hits.push({ start, end, key: e.key, postings: e.postings });
        }
      }
    }
    return hits;
  }
}
