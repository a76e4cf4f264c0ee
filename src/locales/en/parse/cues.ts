/**
 * English field-report vocabulary (US beverage reps: cases, OOS, coolers, end caps).
 * Patterns run on lower-cased text.
 */
import { words, type CueTable } from "../../../parse/common/cues.js";
import { MONTH_PREFIXES, WEEKDAY_NAMES } from "./calendar-words.js";

const WD = `(?:${WEEKDAY_NAMES})`;

export const EN_CUES: CueTable = {
  display: words(
    "\\breset\\b", "\\bfaced\\b", "\\bface[ds]? (?:it |everything |them )?up\\b", "\\bfacings?\\b", "\\bpulled (?:the |all (?:the )?|some |\\d+ )?(?:expired|out[- ]of[- ]date|old)\\b", "\\brotated\\b",
    "(?<!\\b(?:happy|pleased|unhappy|likes?|liked|loves?|loved|hates?|hated)\\b[^.]{0,14})\\bdisplay\\b(?! (?:contest|promo|program|rules|policy|incentive))",
    "\\brestock(?:ed)? the (?:shelf|shelves|cooler|door)", "\\bshelf reset", "\\bwall look", "\\brearrang\\w*", "\\bstraighten\\w*",
    "\\bcleaned up\\b", "\\bmerchandis\\w*", "\\b(?:fixed|replaced|swapped|updated) (?:the |two |a few |some )?(?:price )?tags?\\b",
    "(?<=\\btags?\\b[^.]{0,40})\\b(?:fixed|replaced|swapped|updated|corrected|changed)\\b", "\\brestock(?:ed|ing)?\\b", "\\bbuilt a\\b", "\\b(?:put up|hung|installed) (?:the )?(?:new )?(?:price |shelf )?tags\\b", "\\bset up the cooler\\b", "\\bplanogram\\b", "\\bfronted\\b",
  ),
  price_check: words("\\bprice tags?\\b", "\\bshelf tags?\\b", "\\bshelf prices?\\b", "\\bchecked (?:the )?prices\\b", "\\btags?\\b", "\\bprice check", "\\bmarked price"),
  policy: words(
    "\\bexplained\\b", "\\bwalked (?:the owner|him|her|them|the manager) (?:thru|through)\\b", "\\bwent over\\b",
    "\\btold (?:him|her|them|the owner|owner|the manager|the clerk|the cashier|the staff|staff)(?: that)? (?:he|she|they)? ?(?:can't|cannot|can not|to|not to|must|has to|have to|needs? to)\\b",
    "\\btold (?:him|her|them|the owner|owner|the manager|the clerk)(?: that)? (?:it's|that's|it is|that is|this is) (?:not allowed|against|illegal|a violation)",
    "\\btrain(?:ed|ing)\\b", "\\bbriefed\\b", "\\bpitched the\\b",
  ),
  service: words(
    "\\bpos\\b", "\\bscanners?\\b", "\\bordering app\\b", "\\bapp\\b", "\\bprocessed\\b", "\\bcredit\\b", "\\brefund\\b", "\\blicen[cs]e\\b",
    "\\bput in (?:the|a) request\\b", "\\bsubmitted (?:the|a) request\\b", "\\brepair\\w*", "\\bequipment\\b", "\\bhelped (?:him|her|them|the owner|the manager) (?:with|get|set)",
  ),
  stock_check: words("\\bstock check", "\\bchecked (?:the )?(?:stock|backroom|back room|inventory)", "\\bcounted\\b", "\\binventory\\b", "\\bcount(?:ed)? stock"),
  order_act: words("\\bordered\\b", "\\bput in an order\\b", "\\bplaced an order\\b", "\\btook an order\\b", "\\bbig order\\b", "\\border:"),
  oos_back: words(
    "\\b(?:is |are |was |were )?(?:out|oos|sold out|gone|out of stock)\\b(?! of| on| at| there| front| back)",
    "\\b(?:wiped out|cleaned out|all gone|none left|zero left|nothing left|sold thru|sold through)\\b",
  ),
  oos_fwd: words("(?<!\\b(?:wants?|wanted|get|getting|got|opt|opted|back|backed|pull|pulled) )\\bout of\\b", "\\bno\\b(?= )", "\\boos on\\b", "\\boos:? (?=[a-z])", "\\bran out of\\b", "\\bsold out of\\b", "\\bno more\\b"),
  not_oos: words("\\bnot out\\b", "\\bnever out\\b"),
  list_back: words("\\bnow on (?:the )?shelf\\b", "\\bgot listed\\b", "(?<=\\bgot\\b[^.,;!\\d]{1,40})\\b(?:on (?:the |their )?shel(?:f|ves)|listed|in (?:the )?cooler)\\b"),
  list_fwd: words(
    "\\bgot (?:them|him|her|the store|the owner) to (?:carry|stock|take on|add|list|try)\\b", "\\bnow (?:carrying|stocking)\\b",
    "\\bstarted (?:carrying|stocking)\\b", "\\bgot (?:them|him|her|the store|the owner) to start (?:carrying|stocking)\\b", "\\bnew (?:item|listing|placement)s?:? ", "\\bcut in\\b", "\\bplaced\\b(?! (?:an? |the |their |his |her )?orders?\\b)",
  ),
  mode_stock: words("\\bhad\\b", "\\bhas\\b", "\\bhave\\b", "\\bcounted\\b", "\\bdown to\\b", "\\bsitting on\\b", "\\bon hand\\b", "\\bin the back\\b", "\\bstock:"),
  mode_order: words("\\bordered\\b", "\\border(?:s|:)?\\b", "\\bput in\\b(?= (?:\\d|a |an |another |the order|order))", "\\btake\\b", "\\btook\\b", "\\bto start(?: (?:with|off))?\\b", "\\bbought\\b", "\\breorder\\w*"),
  mode_sale: words("\\bsold\\b(?! out| thr)", "\\bmoved\\b", "\\bsales of\\b", "\\bwent through\\b"),
  mode_skip: words("\\bbuy\\b", "\\bforced\\b", "\\bunless (?:he|she|they|we|the store|the owner) (?:takes?|buys?|orders?|gets?|carries)\\b", "\\bget\\b(?! (?:them|him|her))", "\\bfor \\$"),
  each: words("\\beach\\b", "\\bapiece\\b"),
  vague_fwd: words("\\b(?:a few|a couple(?: of)?|some|low on|running low on|plenty of|lots of|a lot of|tons of|barely any|not much|little)\\b"),
  vague_back: words("\\b(?:running low|is low|are low|low|few left|not much left|plenty)\\b(?! on\\b| of\\b)", "\\ba (?:few|couple)\\b(?=\\s*(?:left\\b|[.,;!]|$))"),
  feedback: words(
    "\\b(?:owner|manager|mgr|clerk|cashier|he|she|they|guy)(?:'s)? (?:is |was |seems |seemed )?(?:mad|angry|annoyed|pissed|furious|said|says|saying|asking|wondering|complaining|was saying|is saying|complain(?:ed|s|ing)?|wants?|wanted|asked|asks|requested|mentioned|thinks|happy|is happy|unhappy|upset|worried|concerned|frustrated|likes?|loves?|hates?|would like|is asking|was asking|suggested)\\b",
    "\\bcomplain(?:ed|s|t|ts)?\\b", "\\brequested\\b", "\\basked for\\b", "\\bwants\\b", "\\bwanted\\b",
  ),
  opinion: words("\\b(?:good|bad|slow|fast|price|pricing|expensive|cheap|late|happy|unhappy|want|wants|wish|complain\\w*|killing|down|up|deal)\\b"),
  compliance: words(
    "\\bforced?\\b", "\\bmade (?:him|her|them) (?:take|buy|order)\\b", "\\bpush(?:ed)? (?:extra|more)\\b", "\\babove (?:the )?(?:marked|tag|shelf|posted) price",
    "\\bover (?:the )?(?:marked|tag|shelf|posted) price", "\\btied\\b", "\\bbundl\\w+", "\\bhad to (?:buy|take)\\b", "\\bdidn't (?:really )?want\\b",
  ),
  follow: words(
    "\\b(?:be|come|coming|get|go|going|stop|stopping|swing|swinging|circle|head|heading|drop|dropping|check|checking|pop|popping|run|get)(?: by| back| in)+\\b",
    "\\bback (?:at|on|to|in|there)\\b", "(?<!\\b(?:said|says|sign|saying|opens?|reopens?|reopening)\\s)\\bback (?=end of|next (?:week|month)\\b|tomorrow\\b|tmrw\\b|later\\b)", `(?<!\\b(?:said|says|sign|saying|opens?|reopens?|reopening)\\s)\\bback (?=(?:next |this )?${WD}\\b)`, `\\bback (?=(?:${MONTH_PREFIXES})[a-z]*\\.? \\d|\\d{1,2}/\\d|the \\d)`, "\\bfollow(?:ing)?[- ]?ups?\\b", "\\brevisit\\b", "\\bvisit again\\b", "\\bnext (?:visit|stop)\\b", "\\btry (?:again|back)\\b",
    "\\breturn\\b", "\\bcall (?:him|her|them)(?: back)?\\b", "\\bgive (?:him|her|them) a call\\b", "\\bbring (?:him|her|them)\\b", "(?<!\\b(?:he|she|they|it|distributor|driver|truck|delivery|rep|guy)\\s)\\bwill bring\\b", "\\bi'll bring\\b", "\\bdrop off\\b", "\\bi'll be back\\b",
  ),
  follow_vague: words("\\bsoon\\b", "\\blater this week\\b", "\\bsometime\\b", "\\bat some point\\b", "\\bin a few days\\b", "\\bnext time\\b"),
  visit_verb: words("'s visit", "\\blog(?:ged)?\\b", "\\bvisit(?:ed)?\\b", "\\brun\\b", "\\bstop\\b", "\\bwrap\\b", "\\bwent\\b", "\\bhit\\b", "\\bstopped\\b", "\\bat\\b"),
  past: words("\\blast (?:month|time|year)\\b", "\\bpreviously\\b", "\\bearlier this (?:month|year)\\b", "\\ba while back\\b"),
  promo_tasting: words("\\bsampling\\b", "\\bsamples?\\b", "\\btasting\\b", "\\btaste test\\b", "\\btried it\\b"),
  promo_in_store: words("\\bin-store\\b", "\\bin store\\b", "\\bdemo\\b"),
  promo_circle: words("\\bconsumer gathering\\b", "\\bgathering\\b", "\\bmeetup\\b", "\\bparty\\b"),
  promo_gift: words("\\bbogo\\b", "\\bbuy (?:one|1|two|2|\\d+)\\b[^.,]{0,25}\\bget\\b", "\\bgift with purchase\\b", "\\bfree gift\\b"),
  promo_discount: words("\\b\\d+ for \\$\\d+(?:\\.\\d+)?", "\\b\\d+% off\\b", "\\bdiscount\\w*", "\\bprice promo\\w*", "\\brollback\\b", "\\bon sale\\b", "\\bspecial price\\b", "\\$\\d+(?:\\.\\d+)? off\\b"),
  promo_display: words("\\bend ?caps?\\b", "\\bdisplay (?:contest|promo)\\w*", "\\bcooler placement\\b"),
  promo_other: words("\\b(?:ran|set up|did|running|launched|started|kicked off) (?:a |the )?(?:\\w+ )?promo(?:tion)?\\b"),
  wish: words(
    "\\b(?:asked|asking|asks|wants?|wanted|would like|wondering|hoping|requested|interested in)\\b", "\\bif we (?:can|could)\\b", "\\b(?:can|could) we\\b",
  ),
  offsite: words("\\bhotel\\b", "\\bfarmers market\\b", "\\bcommunity\\b", "\\bchurch\\b", "\\bpark\\b(?! place)", "\\bfestival\\b", "\\bfair\\b", "\\bofficeb\\b", "\\bevent at\\b"),
  price: words("\\$\\s?\\d+(?:\\.\\d+)?", "\\b\\d+\\.\\d{2}\\b", "\\b\\d+(?:\\.\\d+)?\\s?%"),
};
