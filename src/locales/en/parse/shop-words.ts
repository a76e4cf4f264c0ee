/** English shop-name vocabulary. */
import type { NotVisited } from "../../../parse/locale.js";

/** Trailing words of a store name that people drop: "Sunrise Mart" is "Sunrise". */
export const EN_GENERIC_SHOP_WORDS = new Set([
  "market",
  "mart",
  "store",
  "stores",
  "grocery",
  "groceries",
  "deli",
  "food",
  "foods",
  "pantry",
  "express",
  "pharmacy",
  "liquor",
  "shop",
  "gas",
  "go",
  "mini",
  "supermarket",
  "convenience",
  "station",
  "depot",
  "corner",
  "fresh",
  "rd",
  "road",
  "st",
  "street",
  "ave",
  "blvd",
  "ln",
  "lane",
  "and",
  "the",
  "co",
  "inc",
  "llc",
  "beverage",
  "drug",
  "drugs",
]);

/**
 * Ordinary English words that must not become a shop's short name on their own
 * ("Park Place" is not "park"; "Little Saigon" is not "little").
 */
export const EN_COMMON_WORDS = new Set(
  (
    "a an the and or of on in at to for from by with up down out over under again back just still also very " +
    "bc bcuz cuz tho lol btw fyi " +
    "park place little big north south east west new old round rock domain tech ridge green valley walnut creek " +
    "wells branch cedar quick stop lone star circle speedy sunrise sunset mesa drive hill lake river main central " +
    "first second third best good great super value family city town country village center plaza square market " +
    "corner store shop food fresh daily express quick stop one two three four five six seven eight nine ten " +
    "today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday week month owner manager " +
    "stock order case cases can cans bottle bottles pack packs out low plenty few some all good fine ok okay " +
    "checked check counted count reset display cooler shelf tag tags price prices sold sale sales promo deal " +
    "happy thanks thank team route plan visit visited went hit ran run said told asked wants wanted need needs " +
    "speed speeds sprint spring sprain spite trade grade brake brakes baker bakery barter border boarder " +
    "start stars stare store stores stork shelf shelves cooler coolers price prices order orders ordered " +
    "delivery truck traffic again about after before still there their would could should great thing " +
    "things sales sells selling display stock stocked empty asked started sample samples brand " +
    "brands month weeks water waters drinks drink juice energy bottle front later every never extra promo " +
    "deals people customer customers reset faced restocked backroom cashier register scanner credit " +
    "invoice payment account pallet pallets spoke talked meeting called email texted photo broken fixed " +
    "working closed opened dropped picked street point place hours minutes evening morning night early " +
    "small large bigger cheap slow fast better worse crazy sunny rainy storm value valve lonely " +
    "manor major mayor parks parked parking creeks greek crest views mills miller branches loop loops"
  ).split(" "),
);

/** Two- and three-letter words and abbreviations that initials must not collide with ("am", "ok", "pm"). */
export const EN_SHORT_WORDS = new Set(
  (
    "am pm an as at be by do go he hi if in is it me my no of ok on or so to up us we ya yo " +
    "all and any are bad big but can did few for get got had has her him his how its let lot low may new not now off " +
    "old one our out own put ran saw say see she six the too two via was way who why yes yet you oos eta asap fyi btw " +
    "tx usa st rd ave hwy oz pk ct ea cs lb kg"
  ).split(" "),
);

/**
 * "didn't make it to Braker", "the deal like circle k has": words right before a shop (within 30
 * characters) that say the visit did not happen, or that only compare with it.
 */
export const notVisited: NotVisited = {
  side: "before",
  reach: 30,
  words:
    /\b(?:didn'?t|did not|couldn'?t|could not|can'?t|cannot|never|wasn'?t able to) (?:make it|get|got|go) (?:to|over to|out to)\s*$|\bran out of time (?:for|before)\s*$|\b(?:like|than|same as)\s*$/,
};
