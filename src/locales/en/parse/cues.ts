/**
 * English field-report vocabulary (US beverage reps: cases, OOS, coolers, end caps).
 * Patterns run on lower-cased text.
 */
import { type CueTable, words } from "../../../parse/common/cues.js";
import { MONTH_PREFIXES, WEEKDAY_NAMES } from "./calendar-words.js";

const WD = `(?:${WEEKDAY_NAMES})`;

/** The rep's own "I will": I'll, I'd, I'm gonna, or a bare "gonna" nobody else says (not "he's gonna"). */
const REP_WILL =
  "(?:\\bi'?ll|\\bi will|\\bi'?d|\\bi would|\\bi'm (?:gonna|going to)|(?<!\\b(?:he|she|they|owner|mgr|manager|he's|she's|they're|owner's|mgr's) )\\bgonna)";

export const EN_CUES: CueTable = {
  display: words(
    // ("mgr did the cooler reset himself": not the rep's work)
    "\\breset\\b(?![^.;,]{0,25}\\b(?:himself|herself|themselves)\\b)",
    "\\bfaced\\b",
    "\\bface[ds]? (?:it |everything |them )?up\\b",
    "\\bfacings?\\b",
    "\\bpulled (?:the |all (?:the )?|some |\\d+ )?(?:expired|out[- ]of[- ]date|old)\\b",
    "\\brotated\\b",
    "(?<!\\b(?:happy|pleased|unhappy|likes?|liked|loves?|loved|hates?|hated)\\b[^.]{0,14})\\bdisplay\\b(?! (?:contest|promo|program|rules|policy|incentive))",
    "\\brestock(?:ed)? the (?:shelf|shelves|cooler|door)",
    "\\bshelf reset",
    "\\bwall look",
    "\\brearrang\\w*",
    "\\bstraighten\\w*",
    "\\bcleaned up\\b",
    "\\bmerchandis\\w*",
    "\\b(?:fixed|replaced|swapped|updated) (?:the |two |a few |some )?(?:price )?tags?\\b",
    "(?<=\\btags?\\b[^.]{0,40})\\b(?:fixed|replaced|swapped|updated|corrected|changed)\\b",
    "\\brestock(?:ed|ing)?\\b",
    "\\bmoved (?:it|them|the (?:rack|display|end ?cap|stand|rack|cooler|stack|shipper))\\b",
    "\\bbuilt a\\b",
    "\\brebuilt\\b",
    "\\breorgani[sz]\\w*",
    "\\btidied\\b",
    "\\b(?:put up|hung|installed) (?:the )?(?:new )?(?:price |shelf )?tags\\b",
    // "dropped off the holiday price tags + put them up"
    "(?<=\\btags?\\b[^.]{0,30})\\b(?:put|hung) (?:them|'em|those|these) up\\b",
    // "moved the monster + coke zero to door 1": products moved within the cooler or shelf
    "(?<=\\bmoved\\b[^.;,]{1,40}?)\\b(?:to|into|onto) (?:door|shelf|the (?:top|front|eye)|eye level|the cooler|aisle)\\b",
    "\\bset up the cooler\\b",
    "\\bplanogram\\b",
    "\\bre-?tag(?:ged|ging)?\\b",
    "\\bfronted\\b",
  ),
  price_check: words(
    "\\bprice tags?\\b",
    "\\bshelf tags?\\b",
    "\\bshelf prices?\\b",
    "\\bchecked (?:the )?prices\\b",
    "\\btags?\\b",
    "\\bprice check",
    "\\bre-?tag(?:ged|ging)?\\b",
    "\\bmarked price",
  ),
  policy: words(
    "\\bexplained\\b",
    "\\bwalked (?:the (?:new )?(?:owner|manager|mgr|clerk|cashier|staff)|him|her|them) (?:thru|through)\\b(?![^.;]{0,30}\\b(?:app|pos|scanner|system|portal|reorder)\\b)",
    "\\bwent over\\b",
    "\\btold (?:him|her|them|the owner|owner|the manager|the clerk|the cashier|the staff|staff|mgr|the mgr)(?: that)? (?:he|she|they)? ?(?:can't|cannot|can not|cant|to|not to|must|has to|have to|needs? to)\\b",
    "\\btold (?:him|her|them|the owner|owner|the manager|the clerk)(?: that)? (?:it's|that's|it is|that is|this is) (?:not allowed|against|illegal|a violation)",
    // "told him he doesn't have to take anything he didn't order": the owner's rights explained
    "\\btold (?:him|her|them|the owner|owner|the manager|mgr)(?: that)? (?:he|she|they) (?:doesn't|don't|does not|do not|never) (?:have|need) to\\b",
    "\\btrain(?:ed|ing)\\b",
    "\\bbriefed\\b",
    "\\btold (?:him|her|them|the owner|owner|the manager) no\\b",
    "\\btold (?:him|her|them|the owner|owner|mgr|the mgr|the manager|the clerk)(?: that)? (?:that's|thats|it's|its|this is|that is) not (?:how|allowed|ok)\\b",
    "\\bpitched the\\b",
  ),
  service: words(
    "\\bpos\\b",
    "\\bscanners?\\b",
    "\\bordering app\\b",
    "\\bapp\\b",
    "\\bprocessed\\b",
    "\\bcredit\\b",
    "\\brefund\\b",
    "\\blicen[cs]e\\b",
    "\\bpermits?\\b",
    "\\brenew(?:ed|al|ing)?\\b(?=[^.;]{0,30}\\b(?:permit|licen[cs]e|paperwork|registration)\\b)",
    "\\bput in (?:the|a) request\\b",
    "\\b(?:service|repair) (?:ticket|call|request)\\b",
    "\\bsubmitted (?:the|a) request\\b",
    "\\brepair\\w*",
    "\\bequipment\\b",
    "\\bhelped (?:him|her|them|the owner|the manager) (?:with|get|set)",
  ),
  stock_check: words(
    "\\bstock check",
    "\\bchecked (?:the )?(?:stock|backroom|back room|inventory)",
    "\\bcounted\\b",
    "\\binventory\\b",
    "\\bcount(?:ed)? stock",
    "\\bstock counts?\\b",
    "\\bstock (?:is |looks |was |looked )?(?:fine|good|ok|okay|solid)\\b",
  ),
  order_act: words(
    // not "a pile of monster he never ordered"
    "(?<!\\b(?:never|not|didn't|didnt|hadn't|wasn't|weren't) )\\bordered\\b",
    "\\bput in an order\\b",
    "\\bplaced an order\\b",
    "\\btook an order\\b",
    "\\bbig order\\b",
    "\\border:",
  ),
  oos_back: words(
    "\\b(?:is |are |was |were )?(?:out|sold out|gone|out of stock)\\b(?! of| on| at| there| front| back| sick| for the day| to lunch)",
    // "OOS sprite" names what follows it (oos_fwd); "coke zero OOS, ..." / "OOS today" what stands before
    "\\b(?:is |are |was |were )?oos\\b(?!:?[ \\t]+(?!(?:and|but|today|now|again|too|also|as|at|in|on|since|for|all|still|so|with|w|since|again|tho|though|yet)\\b)[a-z])",
    "\\b(?:wiped out|cleaned out|all gone|none left|zero left|nothing left|sold thru|sold through)\\b",
    // "topo shelf was bare", "no topo anywhere, shelf was empty"
    "\\bshel(?:f|ves) (?:was |were |is |are )?(?:bare|empty)\\b(?! (?:on|for)\\b)",
    // "monster - none", "monster empty"
    "(?:-\\s*)?\\b(?:none|empty|nada)\\b(?=\\s*(?:$|[,.;!/]))",
  ),
  oos_fwd: words(
    "(?<!\\b(?:wants?|wanted|get|getting|got|opt|opted|back|backed|pull|pulled) )\\bout of\\b",
    // Before the bare "no": an alternation takes the first that matches, and "no" would leave "more" in the way.
    "\\bno more\\b",
    "\\bno\\b(?= )",
    "\\boos on\\b",
    "\\boos:? (?=[a-z])",
    "\\bran out of\\b",
    "\\bshel(?:f|ves) (?:was |were |is |are )?(?:bare|empty) (?:on|for)\\b",
    "\\bsold out of\\b",
    "\\bsold (?:thru|through) (?:all )?(?:(?:of )?(?:the|their|his|her) )?(?=[a-z])",
  ),
  not_oos: words("\\bnot out\\b", "\\bnever out\\b"),
  list_back: words(
    "\\bnow on (?:the )?shelf\\b",
    "\\bgot listed\\b",
    "(?<=\\bgot\\b(?:[^.,;!\\d]|\\d+\\s?(?:pk|pack|oz|ct|l)\\b){1,40})\\b(?:on (?:the |their )?shel(?:f|ves)|listed|in (?:the )?cooler)\\b",
  ),
  list_fwd: words(
    "\\bgot (?:them|him|her|the store|the owner) to (?:carry|stock|take on|add|list|try)\\b",
    "\\bnow (?:carrying|stocking)\\b",
    "\\bstarted (?:carrying|stocking)\\b",
    "\\bgot (?:them|him|her|the store|the owner) to start (?:carrying|stocking)\\b",
    "\\bnew (?:item|placement)s?:? ",
    "\\bcut in\\b",
    "\\b(?:agreed|agrees|agree) to (?:carry|stock|take on|add|list|try)\\b",
    "\\badded\\b(?=[^.;]{1,30}\\bto (?:the |their )?(?:shelf|shelves|cooler|set|planogram|lineup)\\b)",
    "\\bplaced\\b(?! (?:an? |the |their |his |her )?orders?\\b)",
    // "listed minute maid OJ", "new listing! diet coke 2L" (not "listed on the invoice")
    "(?<!\\b(?:not|never|isn't|wasn't|already|is|was|are|were|been|get|got) )\\blisted\\b(?! (?:on|in|as|at|under|price)\\b)",
    "\\bnew listing\\b!?",
  ),
  mode_stock: words(
    "\\bhad\\b",
    // "he's got 6 cs": has
    "(?:'s|\\bhas|'ve|\\bhave) got\\b",
    "\\bhas\\b",
    "\\bhave\\b",
    "\\bcounted\\b",
    "\\bdown to\\b",
    "\\bsitting (?:on|at)\\b",
    "\\bshowing\\b",
    "\\bon hand\\b",
    "\\bin the back\\b",
    "\\bback ?stock\\b",
    "\\bin back\\b",
    "\\bon (?:the )?shel(?:f|ves)\\b(?! (?:now|today))",
    "\\bleft\\b(?= *(?:$|[,.;!]|and\\b|in\\b|on\\b))",
    "\\bstock:",
  ),
  mode_order: words(
    "\\bordered\\b",
    "\\border(?:s|:)?\\b",
    "\\bput in(?: for)?\\b(?= (?:\\d|a |an |another |the order|order))",
    // "asked for 3 cs topo": a request with a count is an order
    "\\b(?:asked|asking|asks) for\\b(?= (?:\\d|another|two|three|four|five|six|ten)\\b)",
    "\\brequested\\b(?= (?:\\d|another|two|three|four|five|six|ten)\\b)",
    "\\btake\\b",
    "\\btook\\b",
    // "wrote him up for 5 cs", "put him down for 4 cs monster"
    "\\bwrote (?:him|her|them|it)(?: up)? for\\b",
    "\\bwrote up\\b",
    "\\bput (?:him|her|them) down for\\b",
    // "he's taking 5 cs"
    "\\b(?:he's|she's|they're|he is|she is|they are|we're) taking\\b",
    "\\bto start(?: (?:with|off))?\\b",
    "\\bstart(?:ing|ed)? (?:with|off with)\\b",
    "\\bbought\\b",
    "\\breorder\\w*",
    // "they need 3 cs coke zero": a need with a count is an order
    "\\bneeds?\\b(?= (?:\\d|another|two|three|four|five|six|ten)\\b)",
    // "wants another 4 cs": a wish with a count is an order
    "\\bwants? (?=(?:another|\\d+|two|three|four|five|six|ten) )",
  ),
  mode_sale: words("\\bsold\\b(?! out| thr)", "\\bmoved\\b", "\\bsales of\\b", "\\bwent through\\b"),
  mode_skip: words(
    "\\bbuy\\b",
    "\\bforced\\b",
    // "the distributor made him take 5cs monster": someone else's push, not this visit's order
    "\\bmade(?<=\\b(?:distributor|driver|rep|wholesaler|warehouse|supplier|they|company|bottler)\\s+made) (?:him|her|them) (?:take|buy|order)\\b",
    "\\bunless (?:he|she|they|we|the store|the owner) (?:takes?|buys?|orders?|gets?|carries)\\b",
    "\\bonly if (?:he|she|they|the store|the owner) (?:takes?|buys?|orders?|carries)\\b",
    "\\bif(?<=\\bonly (?:get|gets|getting)\\b[^.;]{1,30}\\bif) (?:he|she|they|the store|the owner) (?:takes?|buys?|orders?|carries)\\b",
    "\\bget\\b(?! (?:them|him|her))",
    "\\bfor \\$",
    // "delivery was short 2 cases": what did not arrive is no count
    "\\bshort\\b",
  ),
  each: words("\\beach\\b", "\\bapiece\\b"),
  vague_fwd: words(
    // "a few cases of dasani": the unit said, the count vague
    "\\b(?:a few|a couple(?: of)?|some|several|low on|running low on|plenty of|lots of|a lot of|tons of|barely any|not much|little)(?:\\s+(?:cases?|cs|btls?|bottles?|cans?|packs?|pks?)(?:\\s+of)?)?\\b",
  ),
  vague_back: words(
    // "smartwater a couple cases" (but "a couple cases of dasani" names what follows)
    "\\b(?:a few|a couple(?: of)?|several)\\s+(?:cases?|cs|btls?|bottles?|cans?|packs?|pks?)\\b(?!\\s+of\\b)",
    "\\b(?:running low|is low|are low|low|few left|not much left|plenty)\\b(?! on\\b| of\\b)",
    "\\ba (?:few|couple)\\b(?=\\s*(?:left\\b|[.,;!]|$))",
  ),
  feedback: words(
    "\\b(?:owner|manager|mgr|clerk|cashier|he|she|they|guy)(?:'s)? (?:is |was |seems |seemed |looked |got )?(?:kind of |kinda |a bit |a little |pretty |really |not )?(?:mad|angry|annoyed|pissed|furious|heated|fuming|livid|steamed|ticked off|hot about it|said|says|saying|asking|wondering|complaining|was saying|is saying|complain(?:ed|s|ing)?|wants?|wanted|asked|asks|requested|mentioned|thinks|happy|is happy|unhappy|upset|worried|concerned|frustrated|likes?|loves?|hates?|would like|is asking|was asking|suggested|irritated|grumpy|unhappy|thrilled|pleased|excited|disappointed|fed up|interested|keen|loved it|liked it|enjoyed it|told me|tells me|telling me)\\b",
    "\\bcomplain(?:ed|s|t|ts)?\\b",
    "\\brequested\\b",
    "\\basked for\\b",
    // "…and want to try Topo Chico": the owner's wish, subject left out
    "\\bwants? to (?:try|carry|stock|add|bring in|get in|test)\\b",
    "\\b(?:owner|manager|mgr|clerk|he|she|they)(?: would|'d) (?:love|like)\\b",
    "\\bwants\\b",
    "\\bwanted\\b",
  ),
  opinion: words(
    "\\b(?:good|bad|slow|fast|price|pricing|expensive|cheap|late|happy|unhappy|want|wants|wish|complain\\w*|killing|down|up|deal|flying|hot|popular|great|terrible|margins?)\\b",
  ),
  compliance: words(
    "\\bforced?\\b",
    // a sale the rules forbid at the shop: to minors
    // (after the product's name: a cue overlapping a name is dropped)
    "(?<=\\bsold\\b[^.;]{0,25})\\bto (?:a |some )?(?:kids?|minors?|teens?|teenagers?|students?|underage)\\b",
    "\\bunderage\\b",
    "\\bmade (?:him|her|them) (?:take|buy|order)\\b",
    "\\bpush(?:ed)? (?:extra|more)\\b",
    "\\babove (?:the )?(?:marked|tag|shelf|posted) price",
    "\\bover (?:the )?(?:marked|tag|shelf|posted) price",
    "\\btied\\b",
    // "pressuring him to drop our cooler if he wants their pricing"
    "\\b(?:pressur(?:e|es|ed|ing)|strong-?arm\\w*|lean(?:ing|ed)? on)\\b(?= (?:him|her|them|the (?:owner|manager|mgr|store)))",
    "\\bbundl\\w+",
    "\\bhad to (?:buy|take)\\b",
    "\\bdidn'?t (?:really )?want\\b",
    // a tied sale told as a story: "no topo allocation unless he takes 5 cs monster"
    "\\bunless (?:he|she|they|the store|the owner|we|i) (?:takes?|buys?|orders?|carries|picks up|adds?)\\b",
    "\\bonly if (?:he|she|they|the store|the owner) (?:takes?|buys?|orders?|carries)\\b",
    "\\bif(?<=\\bonly (?:get|gets|getting)\\b[^.;]{1,30}\\bif) (?:he|she|they|the store|the owner) (?:takes?|buys?|orders?|carries)\\b",
    "\\bstuck (?:him|her|them) with\\b",
    // "3 extra cases he never ordered": stock pushed on the shop
    "\\b(?:he|she|they|the owner|owner) (?:never|didn't|did not) (?:order(?:ed)?|ask(?:ed)? for)\\b",
  ),
  follow: words(
    "\\b(?:be|come|coming|get|go|going|stop|stopping|swing|swinging|circle|head|heading|drop|dropping|check|checking|pop|popping|run|get)(?<!\\b(?:he|she|they|owner|manager)(?:'ll| will|'s| is| are|'re|'d| would)?\\s+\\w+)(?: by| back| in)+\\b",
    // "closed for remodel, back in jan": the shop's reopening, not a promise
    // ("went back to Joe's later": a return made, not promised)
    // ("back at la esperanza like I said": the return promised before, made now;
    // "wants OJ when it's back in": the goods' return)
    "\\bback(?<!\\bclosed\\b[^.;]{0,30}\\bback)(?<!\\b(?:went|came|got|stopped|swung|circled|headed|popped|it's|its|is|are|comes?) back) (?:at|on|to|in|there)\\b(?! stock)(?![^.;!\\n]{0,40}\\b(?:like|as) (?:i|we) (?:said|promised|planned)\\b)",
    // "next wk tue again"
    `\\bagain\\b(?<=\\b(?:${WD}|tomorrow|tmrw|week|wk)\\.?\\s+again)`,
    "\\bback(?<!\\b(?:said|says|sign|saying|opens?|reopens?|reopening)\\sback)(?<!\\b(?:he|she|they)(?:'ll| will|'s| is|'d| would)? be back)(?<!\\bclosed\\b[^.;]{0,40}\\bback) (?=(?:by )?(?:the )?end of|eow\\b|n(?:e)?xt (?:week|wk|month|mo)\\b|tomorrow\\b|tmrw?\\b|tmw\\b|2mo?r+o?w?\\b|later\\b|in \\d|in (?:a|one|two|three) (?:week|day|month))",
    // "owner says he'll be back monday": the owner's plan, not a promise
    `\\bback(?<!\\b(?:said|says|sign|saying|opens?|reopens?|reopening)\\sback)(?<!\\b(?:he|she|they)(?:'ll| will|'s| is|'d| would)? be back) (?=(?:the |next |this )?${WD}\\b|(?:the )?week after next\\b)`,
    `\\bback (?=(?:${MONTH_PREFIXES})[a-z]*\\.? \\d|\\d{1,2}/\\d|the \\d)`,
    // a mixed report: "back 周五"
    "\\bback\\s*(?=(?:下下?|这|本)?个?(?:周|星期|礼拜)|明天|后天|月底|下个?月)",
    "\\bfollow(?:ing)?[- ]?ups?\\b",
    "\\bf/u\\b",
    // "told him i'd check w/ pricing": a promise to find out
    "\\bi(?:'?ll|'?d| will| would) (?:check|ask|find out)\\b(?! (?:the |their |his |her )?(?:stock|shelf|shelves|cooler|backroom|tags?|prices?|counts?)\\b)",
    "\\brevisit\\b",
    "\\bvisit again\\b",
    "\\bnext (?:visit|stop)\\b",
    "\\btry (?:again|back)\\b",
    "\\breturn\\b",
    "\\bcall (?:him|her|them)(?: back)?\\b",
    "\\bgive (?:him|her|them) a call\\b",
    "\\bbring (?:him|her|them)\\b",
    "(?<!\\b(?:he|she|they|it|distributor|driver|truck|delivery|rep|guy)\\s)\\bwill bring\\b",
    "\\bi(?:'ll|'d| will| would) bring\\b",
    // "I'd raise it with Maria": a promise to take it further
    "\\bi(?:'ll|'d| will| would|'m gonna) (?:raise|flag|escalate|bring up|mention) (?:it|this|that)\\b",
    // "went back later to drop off tags": done, not promised
    "(?<!\\bwent\\b[^.;]{0,40})\\bdrop off\\b",
    "\\bi'll be back\\b",
    "\\b(?:look|looking) into (?:it|that|this)\\b",
    // "see him again tomorrow", "I'll be there Tuesday"
    "\\bsee (?:him|her|them|both|them both|the owner|the manager|you) again\\b",
    // ("owner wants to run it again": the owner's wish, not a promise)
    "(?<!\\b(?:wants?|wanted|would like|'d like|asked|asks|hoping|hopes|plans?|planning) to )\\b(?:run|do) (?:it|this|one|that) again\\b",
    "\\b(?:i'll|i'd|i will|will) sort (?:it|this|that) out\\b",
    "\\b(?:i'll|i will|i'm gonna|we'll) be (?:there|by|over|in)\\b",
    // "I'll see them in 2 wks", "gonna hit it again after new year's": the rep's own next visit;
    // "I'll drop them off thurs", "told him I'd build it monday": work the rep promises
    `${REP_WILL} (?:see|hit|visit) (?:them|him|her|it|'em|the store|the shop)\\b`,
    `${REP_WILL} (?:drop|bring|build|set up|put up|install|swap|deliver|send)\\b`,
    // "we locked in the 18th", "i scheduled it for friday": the next date set together
    "\\b(?:we|i|we've|i've) (?:locked|penciled|pencilled|scheduled|booked)(?: (?:it|one|that|another|the next one))?(?: in| for)?\\b",
    // "I'll call the warehouse tomorrow", "will email the distributor Monday": an action promised
    "(?:\\bi'll|\\bi will|\\bwe'll|\\bi'm (?:gonna|going to)|\\bi (?:need|have) to|(?<!\\b(?:he|she|they|owner|manager|mgr|clerk|distributor|driver|rep|guy) )\\bwill) (?:call|email|text|ping|check with|ask|chase|talk to|reach out to|follow up with) (?:the )?(?:warehouse|distributor|office|dsd|driver|rep|sales ?rep|manager|owner|him|her|them|dispatch)\\b",
  ),
  quiet: words(
    "\\b(?:was |were |is )?closed\\b",
    "\\bnothing (?:new|to report|much|going on|major|needed)\\b",
    "\\ball good\\b",
    "\\bno (?:changes|issues|news)\\b",
    "\\bsame as (?:last|before)\\b",
    "\\bquiet\\b",
  ),
  follow_vague: words(
    "\\bsoon\\b",
    "\\blater this week\\b",
    "\\bsometime\\b",
    "\\bat some point\\b",
    "\\bin a few days\\b",
    "\\bnext time\\b",
  ),
  visit_verb: words(
    "'s visit",
    "\\blog(?:ged)?\\b",
    "\\bvisit(?:ed)?\\b",
    "\\brun\\b",
    "\\bstop\\b",
    "\\bwrap\\b",
    "\\bwent\\b",
    "\\bhit\\b",
    "\\bstopped\\b",
    "\\bdid\\b",
    "\\bat\\b",
  ),
  past: words(
    "\\blast (?:month|time|year)\\b",
    "\\bpreviously\\b",
    "\\bearlier this (?:month|year)\\b",
    "\\ba while back\\b",
  ),
  promo_tasting: words(
    "\\bsampling\\b",
    "\\bsampled\\b",
    // "I'd bring samples in 2 weeks": samples promised are no event yet
    // ("brought the OJ sample case": samples for the owner to try)
    "(?<!\\b(?:bring|bringing|drop off|dropping off|send|sending|leave|leaving|get him|get her|get them)\\s(?:some\\s|a few\\s|more\\s)?)\\bsamples?\\b(?! (?:case|pack|box|bottle|can)s?\\b)",
    "\\btasting\\b",
    // "86 ppl tried them"
    "(?<=\\b(?:people|ppl|customers|folks|shoppers|guests|consumers)\\s)tried\\b",
    "\\btaste test\\b",
    "\\btried it\\b",
  ),
  promo_in_store: words("\\bin-store\\b", "\\bin store\\b"),
  // a bare "demo" is an in-store session, unless samples were handed out (promotion.ts)
  promo_demo: words("\\bdemo\\b"),
  promo_circle: words(
    "\\bconsumer gathering\\b",
    "\\bgathering\\b",
    "\\bmeetup\\b",
    "\\bparty\\b",
    "\\bpotluck\\b",
    "\\bcookout\\b",
    "\\btailgate\\b",
    "\\bsponsored\\b",
  ),
  promo_gift: words(
    "\\bbogo\\b",
    // "free coke zero with a dozen wings"
    "\\bfree\\b(?=[^.;]{1,30}\\bwith (?:a|any|every|each|purchase|the purchase)\\b)",
    // only "buy 2": the product named between it and "get" must stay readable
    "\\bbuy[- ](?:one|1|two|2|\\d+)\\b(?=[^.,]{0,25}\\bget\\b)",
    "\\bb\\dg\\d\\b",
    "\\bgift with purchase\\b",
    "\\bfree gift\\b",
  ),
  promo_discount: words(
    "\\b\\d+ for \\$\\d+(?:\\.\\d+)?",
    "\\b\\d+% off\\b",
    "\\bdiscount\\w*",
    "\\bprice promo\\w*",
    "\\brollback\\b",
    "\\bon sale\\b",
    "\\bspecial price\\b",
    "\\$\\d+(?:\\.\\d+)? off\\b",
  ),
  promo_display: words(
    "\\bend ?caps?\\b",
    "\\bfloor stacks?\\b",
    "\\bfloor display\\b",
    "\\bdisplay (?:contest|promo)\\w*",
    "\\bcooler placement\\b",
  ),
  promo_other: words(
    "\\bbooth\\b",
    "\\b(?:ran|set up|did|running|launched|started|kicked off) (?:a |the )?(?:\\w+ )?promo(?:tion)?\\b",
  ),
  wish: words(
    "\\b(?:asked|asking|asks|wants?|wanted|would like|wondering|hoping|requested|interested in)\\b",
    "\\bif we (?:can|could)\\b",
    "\\b(?:can|could) we\\b",
    // planned, not run: "he's gonna do his own endcap next wk", "back monday to pitch the end cap"
    "\\b(?:gonna|going to|plans? to|planning(?: to)?|pitch|to propose|will|i'll|we'll|he'll|she'll)\\b",
    // someone else's: "the competitor put a giant end cap next to our cooler"
    "\\b(?:competitor'?s?|competition|(?:the )?other (?:distributor|brand|guys?))\\b",
  ),
  offsite: words(
    "\\bhotel\\b",
    "\\bfarmers market\\b",
    "\\bcommunity\\b",
    "\\bchurch\\b",
    "\\bpark\\b(?! place)",
    "\\bfestival\\b",
    "\\bfair\\b",
    "\\bofficeb\\b",
    "\\bevent at\\b",
  ),
  price: words("\\$\\s?\\d+(?:\\.\\d+)?", "\\b\\d+\\.\\d{2}\\b", "\\b\\d+(?:\\.\\d+)?\\s?%"),
};
