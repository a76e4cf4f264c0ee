/**
 * Real photos for tests: a small JPEG drawn by ffmpeg, with or without an EXIF block (capture time,
 * GPS position) written the way a phone camera writes it (an APP1 "Exif" segment holding a TIFF
 * structure), so exifr reads it as it would read a phone's photo.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let plain: Buffer | null = null;

/** A 64×48 JPEG without EXIF. */
export function plainJpeg(): Buffer {
  if (plain) return plain;
  const dir = mkdtempSync(join(tmpdir(), "fieldmate-jpeg-"));
  try {
    const out = join(dir, "shelf.jpg");
    execFileSync("ffmpeg", ["-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1", out]);
    plain = readFileSync(out);
    return plain;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PhotoExif {
  /** "YYYY:MM:DD HH:MM:SS", the camera's local time. */
  taken?: string;
  lat?: number;
  lng?: number;
}

/** The JPEG with an EXIF block carrying `exif`. */
export function jpegWithExif(exif: PhotoExif): Buffer {
  const tiff = tiffOf(exif);
  const app1 = Buffer.concat([Buffer.from("Exif\0\0", "binary"), tiff]);
  const marker = Buffer.from([0xff, 0xe1, (app1.length + 2) >> 8, (app1.length + 2) & 0xff]);
  const jpeg = plainJpeg();
  return Buffer.concat([jpeg.subarray(0, 2), marker, app1, jpeg.subarray(2)]);
}

type Entry = { tag: number; type: number; count: number; value: Buffer };
const ASCII = 2;
const LONG = 4;
const RATIONAL = 5;

const ascii = (tag: number, text: string): Entry => ({
  tag,
  type: ASCII,
  count: text.length + 1,
  value: Buffer.from(`${text}\0`, "binary"),
});
function degrees(tag: number, value: number): Entry {
  const abs = Math.abs(value);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 60 * 10_000);
  const buf = Buffer.alloc(24);
  for (const [i, n] of [d, 1, m, 1, s, 10_000].entries()) buf.writeUInt32LE(n, i * 4);
  return { tag, type: RATIONAL, count: 3, value: buf };
}

/** Little-endian TIFF: IFD0 pointing at an Exif IFD (capture time) and a GPS IFD. */
function tiffOf({ taken, lat, lng }: PhotoExif): Buffer {
  const exifEntries: Entry[] = taken ? [ascii(0x9003, taken)] : [];
  const gpsEntries: Entry[] =
    lat !== undefined && lng !== undefined
      ? [ascii(1, lat >= 0 ? "N" : "S"), degrees(2, lat), ascii(3, lng >= 0 ? "E" : "W"), degrees(4, lng)]
      : [];
  const ifdSize = (entries: Entry[]) => 2 + entries.length * 12 + 4;
  const extraSize = (entries: Entry[]) => entries.reduce((n, e) => n + (e.value.length > 4 ? e.value.length : 0), 0);
  const ifd0Entries = 2;
  const ifd0At = 8;
  const exifAt = ifd0At + 2 + ifd0Entries * 12 + 4;
  const gpsAt = exifAt + ifdSize(exifEntries) + extraSize(exifEntries);
  const total = gpsAt + ifdSize(gpsEntries) + extraSize(gpsEntries);
  const out = Buffer.alloc(total);
  out.write("II", 0, "binary");
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(ifd0At, 4);
  writeIfd(out, ifd0At, [
    { tag: 0x8769, type: LONG, count: 1, value: u32(exifAt) },
    { tag: 0x8825, type: LONG, count: 1, value: u32(gpsAt) },
  ]);
  writeIfd(out, exifAt, exifEntries);
  writeIfd(out, gpsAt, gpsEntries);
  return out;
}

function u32(n: number): Buffer {
  const buf = Buffer.alloc(4);
  buf.writeUInt32LE(n);
  return buf;
}

/** One IFD at `at`, its values longer than 4 bytes right after it. */
function writeIfd(out: Buffer, at: number, entries: Entry[]): void {
  out.writeUInt16LE(entries.length, at);
  let extra = at + 2 + entries.length * 12 + 4;
  entries.forEach((e, i) => {
    const p = at + 2 + i * 12;
    out.writeUInt16LE(e.tag, p);
    out.writeUInt16LE(e.type, p + 2);
    out.writeUInt32LE(e.count, p + 4);
    if (e.value.length <= 4) e.value.copy(out, p + 8);
    else {
      out.writeUInt32LE(extra, p + 8);
      e.value.copy(out, extra);
      extra += e.value.length;
    }
  });
  out.writeUInt32LE(0, at + 2 + entries.length * 12);
}
