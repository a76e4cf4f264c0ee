/**
 * What the parser needs from a language, and the registry of the languages it reads.
 *
 * Each language keeps one `ParseLocale` in src/locales/<lang>/parse/index.ts: its cue tables, intent
 * and report-question phrases, and the few ways its grammar differs (on which side a follow-up's
 * date stands, how an amount meets its product, how a shop's name is written). Every table runs
 * on every message, because a report may mix languages ("软中华 2条, Coke Zero out"); the choices
 * come from the locale of the message's detected language (`Analysis.locale`).
 */
import type { Lang } from "../domain/roster.js";
import { parse as en } from "../locales/en/parse/index.js";
import { parse as zh } from "../locales/zh/parse/index.js";
import type { ReportKind } from "../reports/query/query-types.js";
import type { CueTable } from "./common/cues.js";

/** How the intents other than reports and team questions are phrased. */
export interface IntentPhrases {
  /** Questions about the bot itself: 怎么用, "how do I". */
  help: RegExp;
  /** Questions about one shop's history: 上次, "last time". */
  retailerQuery: RegExp;
  /** Asking for a report is a question even without a question mark ("导出本周拜访记录"). */
  request: RegExp;
  /** Questions about the sender's own plan: 今天去哪, "my route". */
  plan: RegExp;
  /** Any question: a question mark, 吗, "what". */
  question: RegExp;
}

/**
 * How supervisors ask for one report. A phrase is written once: `asks` for the phrases that alone
 * make a message a question about the team (the intent classifier's test), `names` for the words
 * that also name it but occur in reports too (断货 is a fact as much as a question).
 */
export interface ReportQuestion {
  kind: ReportKind;
  asks?: RegExp;
  names?: RegExp;
}

export interface ReportQuestions {
  /** In order: the first kind whose phrases (`asks` or `names`) match is the report asked for. */
  kinds: readonly ReportQuestion[];
  /** Phrases of a question about the team as a whole, whatever report it wants (谁, 团队, "who"). */
  team: RegExp;
  /** Asking for the record-by-record list (明细, "breakdown"), written like a report kind. */
  details: Omit<ReportQuestion, "kind">;
  /** Words that mean the whole team rather than one person. */
  wholeTeam: RegExp;
  /** A team by its short name ("二组"), matched against the end of team names; null where teams are not called so. */
  teamShort: RegExp | null;
}

/** How far (in characters) a follow-up's date may stand from its verb, and which side is looked at first. */
export interface FollowUpReach {
  /** 下周三再去: Chinese says the day before the verb; "back on Tuesday": English after it. */
  first: "before" | "after";
  before: number;
  after: number;
  /** 两家都是元宵节后再去, "see both again Monday": one promise for every shop of the message. */
  everyShop: RegExp;
}

/** Where an amount, its product and the verb saying what the amount is stand in this language. */
export interface LineGrammar {
  /** What may stand between an amount and a product after it that it counts (两件的炫赫门, "3 cases of the Coke"). */
  amountThenProduct: RegExp;
  /** What joins two amounts of one product (两件加六条软中华, "2 cases + 6 bottles of Coke Zero"). */
  amountJoin: RegExp;
  /** The counted word stands before its amount (大重九5条): a word the catalogue does not know there takes the amount before a product after it may. */
  nameBeforeAmount: boolean;
  /** An amount glued to the product after it (两件炫赫门) counts that product, even right after another one. */
  amountGluedToProduct: boolean;
  /** After a list comma an amount leads its own product ("pulled expired Gatorade, 3 cs Powerade"). */
  amountLeadsAfterComma: boolean;
  /** The gap allowed before a verb after a counted line that says what it is ("5 cs Sprite 12pk ordered"); null: the verb comes first. */
  verbAfterLine: RegExp | null;
  /** An order verb closing the clause (…给刘明那边订上了) makes the counts before it orders; null where the language does not do this. */
  orderClosingClause: RegExp | null;
  /** What may stand between a product and its count with no word saying what the count is (红塔山 12条, 红塔山也就12条). */
  countFiller: RegExp;
  /** The longest word between a product and its count read as a verb that says what the count is (走了, "delivered"). */
  countVerbReach: number;
  /** A number with the characters beside it that needs no fact (a time, a percentage, a phone number, a name's digits). */
  numberFiller: RegExp;
  /** A sale word that may also mean what moved off the shelf (走了8条): in a visit, the bot asks which. */
  unsureSale: RegExp | null;
  /** An order word that also puts the product on the shelf (上了2条纯境): the line is a listing too. */
  listingOrder: RegExp | null;
  /** Words right before a count that say it is not the count (是两条半 不是一条半, "5 cs not 3"). */
  deniedCount: RegExp;
  /** Words right after a count of one that make it "not even one" (一条都没卖出去); null where the language has none. */
  noneAfter: RegExp | null;
  /** What ends a clause, and how far one reaches (the clause a question quotes, the work a follow-up promises). */
  clauseBreak: RegExp;
  clauseReach: number;
}

/** Words the readers of names written in Han characters need (no spaces: a name ends in a type word). */
export interface HanNames {
  script: "han";
  /** Type words that end a shop's name (阿强便利店); a bare 店 only right after a visit verb. */
  shopTypes: readonly string[];
  /** Characters and words never in a shop's own name: counts, pronouns, places relative to another shop. */
  notShopName: RegExp;
  /** Verbs and joining words a shop's name starts after (去阿强便利店): the part of the run before them is cut. */
  shopNameStart: RegExp;
  /** A bare 店 names a shop only after one of these (去了阿强店), not in 到店, 小店, 门店. */
  bareTypeAfter: RegExp;
  /** Filler an unknown product's name does not start with (店里, 现在) … */
  productLead: RegExp;
  /** … or end with (还有, 各, 的) … */
  productTail: RegExp;
  /** … and what is never inside one (pronouns, verbs of talk; places end in 里/上). */
  notProductName: RegExp;
}

/** Words the readers of names written in Latin letters need (capitalised words: "Bob's Liquor", "Dr Pepper"). */
export interface LatinNames {
  script: "latin";
  /** Type words after a shop's name ("Bob's Liquor", "Fiesta Market"). */
  shopTypes: readonly string[];
  /** Words that never start or make a shop's name ("the", "wrong", "corner"). */
  notShopName: ReadonlySet<string>;
  /** Words before a possessive name that make it a shop ("stopped by Bob's"). */
  shopAfter: RegExp;
  /** Ordinary words that are no name on their own, shared with the roster's short names. */
  common: ReadonlySet<string>;
  short: ReadonlySet<string>;
  /** Small words that are never part of a product's name ("of", "the", "left"). */
  productStop: ReadonlySet<string>;
}

/** Words saying a shop named was not visited after all (兴隆没去成, "didn't make it to Braker"). */
export interface NotVisited {
  /** Which side of the shop's name the words stand on, and how many characters they may span. */
  side: "before" | "after";
  reach: number;
  words: RegExp;
}

/** Where the owner's own words (the feedback a receipt quotes back) start and stop. */
export interface FeedbackWords {
  /** Breaks between clauses inside a sentence (commas; spaces between Chinese phrases; 然后). */
  clauseBreak: RegExp;
  /** A feedback cue starting with the person who spoke (老板说, "owner said"): the owner's words start there. */
  speaker: RegExp;
  /**
   * A speaker cue that only says someone spoke or asked (老板说, "owner said", "owner wants"), as against
   * one that is itself an opinion ("owner loved it", 老板不高兴): only the first can carry facts alone.
   */
  plainSpeech: RegExp;
  /** The writer speaking of themselves again (我说, "I said"): the owner's words stop there. */
  selfSpeaker: RegExp;
  /** A clause starting with these (说…, "says …") goes on with the owner's words, whatever facts it holds. */
  goesOn: RegExp;
  /** Connectives and fillers trimmed from the front of the owner's words (另外, "and"). */
  leadingFiller: RegExp;
  /** Inside the owner's words, asking the writer to do something (让我, "asked me to"): a promise there is the writer's. */
  asksWriter: RegExp;
  /**
   * A follow verb only the writer says of themselves, even inside the owner's words when nothing
   * marks where they end (老板说利群卖得快下周一再去: the owner would say 再来).
   */
  writersVisit: RegExp;
  /**
   * A work word inside the owner's words said as done (帮他理了, 报修了, 换好): the writer did it, when
   * dictation runs the owner's words and the writer's on without a break. Tested on the word and the
   * two characters after it.
   */
  doneWork: RegExp;
  /** Right after the owner's words, the writer saying the asked-for work is done (我弄好了, "fixed it"). */
  done: RegExp;
  /** Words that only take in what the writer said (老板说知道了, "owner said ok"): no opinion of their own. */
  agrees: RegExp;
  /** The owner telling of their own plans (老板说下礼拜他要出门, "owner said he's away next week"): no opinion either. */
  ownPlans: RegExp;
}

/**
 * Words that tie a date to something else that happened (利群昨天到货, 上周五进的硬中华, "delivered
 * yesterday", "last order was Friday"): such a date is not the day of the visit.
 */
export interface EventDay {
  /** What may follow the date in its clause: the event's word (到货, 卖完, 进的). */
  after: RegExp;
  /** What may stand right before the date: the event's word ("delivered", "came in", "out since"). */
  before: RegExp;
}

export interface ParseLocale {
  lang: Lang;
  /** Words for each kind of fact (断货 a stock-out, "reset" display work). */
  cues: CueTable;
  intents: IntentPhrases;
  reportQuestions: ReportQuestions;
  followUpReach: FollowUpReach;
  lines: LineGrammar;
  names: HanNames | LatinNames;
  notVisited: NotVisited;
  eventDay: EventDay;
  feedback: FeedbackWords;
  /**
   * How far before an event word a wish may stand to make it only wished for (老板想搞个买赠, "asked if
   * we can do a BOGO"), in characters: a Chinese clause is short, an English one spells its words out.
   */
  wishReach: number;
  /** Words the LLM prompt fills in: an empty candidate list, and the message's language. */
  prompt: { none: string; language: string };
}

const BY_LANG: Record<Lang, ParseLocale> = { zh, en };

/** Every language the parser reads, Chinese first: tables are tried in this order. */
export const PARSE_LOCALES: readonly ParseLocale[] = Object.values(BY_LANG);

export function parseLocaleFor(lang: Lang): ParseLocale {
  return BY_LANG[lang];
}

/** The locale whose names are written in Han characters (for a Han word inside an English message). */
export function hanNames(): HanNames | undefined {
  for (const l of PARSE_LOCALES) if (l.names.script === "han") return l.names;
  return undefined;
}
