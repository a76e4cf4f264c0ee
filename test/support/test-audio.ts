/**
 * Real audio for voice-note tests, made on the spot: a SILK note as WeChat sends it (silk-wasm's
 * encoder over a synthesised tone), WebM/Opus as a browser's MediaRecorder makes it (ffmpeg), and
 * AMR-NB as WeCom sends it (silent frames: ffmpeg here has no AMR encoder).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encode } from "silk-wasm";

/** Mono 16-bit PCM: a tone of `hz` for `ms` (each test note a different pitch, so a different hash). */
function tone(hz: number, ms: number, rate: number): Uint8Array {
  const samples = Math.round((rate * ms) / 1000);
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) pcm.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / rate)), i * 2);
  return pcm;
}

/** A SILK voice note as WeChat sends it (silk-wasm writes WeChat's leading 0x02 byte itself). */
export async function silkNote(hz: number, ms = 800): Promise<Uint8Array> {
  return (await encode(tone(hz, ms, 24_000), 24_000)).data;
}

/** A WebM/Opus voice note, as Chromium's MediaRecorder records one. */
export function webmNote(hz: number, seconds = 1): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "fieldmate-webm-"));
  try {
    const out = join(dir, "note.webm");
    execFileSync("ffmpeg", [
      "-loglevel",
      "error",
      "-f",
      "lavfi",
      "-i",
      `sine=frequency=${hz}:duration=${seconds}`,
      "-c:a",
      "libopus",
      "-f",
      "webm",
      out,
    ]);
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An AMR-NB file of `frames` silent 12.2 kbit/s frames (20 ms each) after the "#!AMR" magic. */
export function amrNote(frames = 50): Uint8Array {
  const frame = Buffer.alloc(32);
  frame[0] = 0x3c; // frame type 7 (12.2 kbit/s), quality bit set
  return Buffer.concat([Buffer.from("#!AMR\n", "ascii"), ...Array.from({ length: frames }, () => frame)]);
}
