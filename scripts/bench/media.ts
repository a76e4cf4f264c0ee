/**
 * What a voice note or photo costs before the core reads it, on this machine: decoding a WeChat
 * SILK note to WAV (silk-wasm) for the speech recogniser, checking a photo's content (file-type)
 * and reading its EXIF (exifr). The recogniser's own time is the endpoint's and is not measured.
 * Prints p50/p95 in milliseconds and the load average (the machine is shared).
 *
 *   npx tsx scripts/bench/media.ts [--runs 50]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { encode } from "silk-wasm";
import { toRecognisableAudio } from "../../src/media/audio.js";
import { readPhotoFacts } from "../../src/media/exif.js";
import { SILK_MIME, sniffMedia } from "../../src/media/sniff.js";
import { jpegWithExif } from "../../test/support/test-photos.js";

const { values } = parseArgs({ options: { runs: { type: "string" } } });
const RUNS = Number(values.runs ?? 50);

/** A tone of `seconds` at 24 kHz, as WeChat records (16-bit mono). */
function tone(seconds: number): Uint8Array {
  const rate = 24_000;
  const pcm = Buffer.alloc(rate * seconds * 2);
  for (let i = 0; i < rate * seconds; i++)
    pcm.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  return pcm;
}

async function measure(name: string, run: () => Promise<unknown>): Promise<void> {
  await run(); // warm-up: the WASM module and file-type's tables load once
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2);
  console.log(`${name.padEnd(44)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms`);
}

const silk10 = (await encode(tone(10), 24_000)).data;
const silk60 = (await encode(tone(60), 24_000)).data;
const photo = jpegWithExif({ taken: "2026:11:25 17:38:00", lat: 25.13482, lng: 117.04612 });

console.log(
  `runs ${RUNS}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
await measure(`SILK 10 s (${silk10.byteLength} B) → WAV`, () => toRecognisableAudio({ mime: SILK_MIME, data: silk10 }));
await measure(`SILK 60 s (${silk60.byteLength} B) → WAV`, () => toRecognisableAudio({ mime: SILK_MIME, data: silk60 }));
await measure("SILK content check", () => sniffMedia("voice", silk10));
await measure(`JPEG content check (${photo.byteLength} B)`, () => sniffMedia("image", photo));
await measure("JPEG EXIF (time + GPS)", () => readPhotoFacts(photo));
