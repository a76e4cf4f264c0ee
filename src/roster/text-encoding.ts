/**
 * Bytes of a CSV file → text, whatever Excel saved it as: UTF-8 with or without a BOM, GBK/GB18030
 * (Chinese Excel's "CSV"), UTF-16 (Excel's "Unicode text"). Byte-order marks decide first; then
 * valid UTF-8 is UTF-8; otherwise chardet guesses and iconv-lite decodes. A decoding that leaves
 * replacement characters is refused instead of importing mojibake.
 */
import chardet from "chardet";
import iconv from "iconv-lite";

export interface DecodedText {
  text: string;
  /** The encoding used, as iconv-lite names it (utf8, gb18030, utf16le, …). */
  encoding: string;
}

/** The bytes could not be read as text in any encoding we trust, or not in the one asked for. */
export class TextEncodingError extends Error {
  readonly code = "TEXT_ENCODING";
}

/** Encodings chardet reports for Chinese, Japanese and Korean text; GBK's superset stands for GB2312/GBK. */
const CJK = new Set(["GB18030", "Big5", "EUC-KR", "EUC-JP", "Shift_JIS", "ISO-2022-CN", "ISO-2022-JP", "ISO-2022-KR"]);
const HAN = /\p{Script=Han}/u;

/** Decodes `bytes`; `forced` (the --encoding option) skips detection. */
export function decodeText(bytes: Uint8Array, forced?: string): DecodedText {
  const encoding = forced ? checkedEncoding(forced) : detectEncoding(bytes);
  // iconv-lite drops a leading BOM by default.
  const text = iconv.decode(Buffer.from(bytes), encoding);
  if (text.includes("\ufffd")) {
    throw new TextEncodingError(
      `cannot be read as ${encoding}${forced ? "" : " (detected)"}: save it as "CSV UTF-8" or name the encoding with --encoding gbk|utf8|utf16le`,
    );
  }
  return { text, encoding };
}

function checkedEncoding(name: string): string {
  if (!iconv.encodingExists(name)) throw new TextEncodingError(`unknown encoding "${name}"`);
  return name.toLowerCase();
}

export function detectEncoding(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return "utf8";
  if (a === 0xff && b === 0xfe) return "utf16le";
  if (a === 0xfe && b === 0xff) return "utf16be";
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  if (isUtf8(bytes)) return "utf8";
  const guess = chardet.detect(bytes);
  if (guess && CJK.has(guess)) return guess === "GB18030" ? "gb18030" : guess.toLowerCase();
  // Short files fool the detector (a few names read as Latin-1); a roster that reads cleanly as
  // GB18030 and holds Chinese is what Chinese Excel saves by default.
  const gb = iconv.decode(Buffer.from(bytes), "gb18030");
  if (!gb.includes("\ufffd") && HAN.test(gb)) return "gb18030";
  return guess ? guess.toLowerCase() : "utf8";
}

/**
 * UTF-16 without a byte-order mark: chardet only recognises UTF-16 by its BOM, but a CSV's header
 * is ASCII, so every other byte is zero — odd bytes for little-endian, even bytes for big-endian.
 */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = sample.length / 2;
  if (pairs < 2) return null;
  if (odd / pairs > 0.3 && even / pairs < 0.05) return "utf16le";
  if (even / pairs > 0.3 && odd / pairs < 0.05) return "utf16be";
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
