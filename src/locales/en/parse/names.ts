/**
 * How English writes names the roster or the catalogue may not hold: capitalised words, a shop's
 * followed by a type word or written as a possessive after a visit ("Bob's Liquor", "stopped by
 * Bob's"), a product's beside its count ("3 cases of Dr Pepper", "Red Bull 2 cs").
 */
import type { LatinNames } from "../../../parse/locale.js";
import { EN_COMMON_WORDS, EN_SHORT_WORDS } from "./shop-words.js";

export const names: LatinNames = {
  script: "latin",
  shopTypes: [
    "market",
    "mart",
    "store",
    "liquor",
    "liquors",
    "deli",
    "grocery",
    "groceries",
    "pharmacy",
    "foods",
    "express",
  ],
  notShopName: new Set(
    (
      "the this that my his her our their your a an wrong same other another next last new old big small " +
      "corner liquor grocery food what here there let it he she who everyone everybody nobody someone somebody mom dad"
    ).split(" "),
  ),
  shopAfter: /\b(?:at|by|to|hit|visited|from|into)\s+$/,
  common: EN_COMMON_WORDS,
  short: EN_SHORT_WORDS,
  productStop: new Set(
    (
      "of the a an some about around like maybe just only another more extra total and or with in at to from had has have got left still " +
      "also there they we he she i it its is are was were too now each per x approx each ea"
    ).split(" "),
  ),
};
