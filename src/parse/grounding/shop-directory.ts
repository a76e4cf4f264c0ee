/**
 * Grounds shop mentions to retailer ids. Built once per roster: every name key goes into
 * one index; a lookup then keeps only the shops the sender can mean — their own roster
 * first, then their team's, and beyond the team only a shop named in full
 * (FORMAT.md: "The sender's own roster first").
 */
import type { Person, Retailer, Roster } from "../../domain/roster.js";
import { isHan } from "../common/normalize.js";
import { overlapping } from "../common/spans.js";
import type { MatchVia, ShopCandidate } from "../types.js";
import { KeyIndex, longestNonOverlapping, strongest } from "./key-index.js";
import { retailerKeys, type Strength } from "./name-keys.js";
import { PinyinIndex } from "./pinyin-index.js";
import { TypoCorrector, typoHits } from "./typo-correct.js";

interface Posting {
  shop: number;
  via: MatchVia;
  strength: Strength;
}

/** Who is asking: their own shops and their team's, as sets of manager ids. */
export interface SenderScope {
  senderId: string;
  own: ReadonlySet<string>;
  team: ReadonlySet<string>;
}

/** A shop mention grounded in the sender's scope. */
export interface ShopHit {
  start: number;
  end: number;
  via: MatchVia;
  /** 0 own roster, 1 team, 2 anyone (named in full). */
  tier: 0 | 1 | 2;
  strength: Strength;
  /** Retailer indexes, one when resolved. */
  shops: number[];
}

/** How sure a mention is by whose shop it names: the sender's own, their team's, anyone's named in full. */
const TIER_CONFIDENCE = [1, 0.9, 0.7] as const;
const VIA_CONFIDENCE: Partial<Record<MatchVia, number>> = { homophone: 0.75, fuzzy: 0.8, chain: 0.6, short: 0.9 };

export class ShopDirectory {
  readonly retailers: Retailer[];
  private readonly people = new Map<string, Person>();
  private readonly index = new KeyIndex<Posting>();
  private readonly sounds = new PinyinIndex<Posting>();
  private readonly typos = new TypoCorrector();
  private readonly scopes = new Map<string, SenderScope>();

  constructor(roster: Roster) {
    this.retailers = roster.retailers;
    for (const p of roster.people) this.people.set(p.id, p);
    roster.retailers.forEach((r, shop) => {
      for (const k of retailerKeys(r)) {
        const posting = { shop, via: k.via, strength: k.strength };
        this.index.add(k.key, posting);
        if (k.strength >= 2 || k.via === "short") this.sounds.add(k.key, posting);
        if (!isHan(k.key[0])) this.typos.addName(k.key);
      }
    });
  }

  /** The retailer of an index this directory gave out. */
  retailer(shop: number): Retailer {
    const r = this.retailers[shop];
    if (!r) throw new RangeError(`no retailer #${shop} in this roster`);
    return r;
  }

  /** Is `text` (normalised) any roster shop's name key, whoever's shop it is? */
  knows(text: string): boolean {
    return !!this.index.get(text.replace(/\s+/g, " ").trim());
  }

  get keyCount(): number {
    return this.index.size;
  }

  /** The sender's own manager ids and their team's; supervisors own their whole team. */
  scope(senderId: string): SenderScope {
    const cached = this.scopes.get(senderId);
    if (cached) return cached;
    const me = this.people.get(senderId);
    const team = new Set<string>();
    if (me?.team) for (const p of this.people.values()) if (p.team === me.team) team.add(p.id);
    for (const p of this.people.values()) if (p.supervisorId === senderId) team.add(p.id);
    const own = me && me.role !== "manager" ? team : new Set([senderId]);
    const scope = { senderId, own, team };
    this.scopes.set(senderId, scope);
    return scope;
  }

  candidate(shop: number): ShopCandidate {
    const r = this.retailer(shop);
    return { id: r.id, name: r.name };
  }

  /** Narrows a key's postings to the sender's scope; null when nobody in scope is meant. */
  private ground(
    postings: readonly Posting[],
    scope: SenderScope,
  ): (Omit<ShopHit, "start" | "end" | "via"> & { via: MatchVia }) | null {
    const own: Posting[] = [];
    const team: Posting[] = [];
    const anyone: Posting[] = [];
    for (const p of postings) {
      const manager = this.retailer(p.shop).managerId ?? "";
      if (scope.own.has(manager)) own.push(p);
      else if (scope.team.has(manager)) team.push(p);
      else if (p.strength === 3) anyone.push(p);
    }
    const tiers = [own, team, anyone] as const;
    for (const tier of [0, 1, 2] as const) {
      const found = strongest(tiers[tier]);
      if (!found) continue;
      const shops = [...new Set(found.top.map((p) => p.shop))];
      return { tier, strength: found.lead.strength, shops, via: found.lead.via };
    }
    return null;
  }

  /** Shop mentions in normalised text, longest first, not overlapping. */
  find(text: string, senderId: string): ShopHit[] {
    const scope = this.scope(senderId);
    const hits: ShopHit[] = [];
    for (const h of this.index.scan(text)) {
      const g = this.ground(h.postings, scope);
      if (g) hits.push({ start: h.start, end: h.end, ...g });
    }
    let kept = longestNonOverlapping(hits, (h) => h.strength - h.tier);
    const covered = (s: number, e: number) => overlapping(kept, s, e).length > 0;
    const extra: ShopHit[] = [];
    for (const h of this.sounds.scan(text, covered)) {
      const g = this.ground(h.postings, scope);
      // A homophone is only trusted inside the sender's own team.
      if (g && g.tier < 2) extra.push({ start: h.start, end: h.end, ...g, via: "homophone" });
    }
    for (const h of typoHits(this.index, this.typos, text, covered)) {
      const g = this.ground(h.postings, scope);
      if (g && g.tier < 2) extra.push({ start: h.start, end: h.end, ...g, via: "fuzzy" });
    }
    if (extra.length)
      kept = longestNonOverlapping([...kept, ...extra], (h) =>
        h.via === "homophone" || h.via === "fuzzy" ? -5 : h.strength,
      );
    return kept;
  }

  confidence(hit: ShopHit): number {
    const base = TIER_CONFIDENCE[hit.tier] * (VIA_CONFIDENCE[hit.via] ?? 1);
    return hit.shops.length > 1 ? base / hit.shops.length : base;
  }
}
