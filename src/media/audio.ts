/**
 * Audio as a speech recogniser can read it: WeChat's SILK decoded with silk-wasm into a WAV file,
 * every other format (WebM/Opus, MP4, AMR, MP3, WAV) passed through as it came.
 */
import { decode } from "silk-wasm";
import { SILK_MIME } from "./sniff.js";

/** WeChat records SILK at 24 kHz; decoding at the same rate keeps it as spoken. */
const SILK_RATE = 24_000;

const EXTENSIONS: Record<string, string> = {
  "audio/webm": "webm",
  "video/webm": "webm",
  "audio/ogg": "ogg",
  "audio/opus": "ogg",
  "audio/mp4": "m4a",
  "video/mp4": "mp4",
  "audio/x-m4a": "m4a",
  "audio/mpeg": "mp3",
  "audio/amr": "amr",
  "audio/flac": "flac",
  "audio/aac": "aac",
};

export interface AudioFile {
  mime: string;
  filename: string;
  data: Uint8Array;
}

export async function toRecognisableAudio(audio: { mime: string; data: Uint8Array }): Promise<AudioFile> {
  if (audio.mime === SILK_MIME) {
    const pcm = await decode(audio.data, SILK_RATE);
    return { mime: "audio/wav", filename: "voice.wav", data: wavOf(pcm.data, SILK_RATE) };
  }
  const extension = EXTENSIONS[audio.mime] ?? "wav";
  return { mime: audio.mime, filename: `voice.${extension}`, data: audio.data };
}

/** A mono 16-bit PCM WAV file: the 44-byte RIFF header in front of the samples. */
function wavOf(pcm: Uint8Array, rate: number): Uint8Array {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + pcm.byteLength, 4);
  header.write("WAVEfmt ", 8, "ascii");
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // bytes per frame
  header.writeUInt16LE(16, 34); // bits per sample
  header.write("data", 36, "ascii");
  header.writeUInt32LE(pcm.byteLength, 40);
  return Buffer.concat([header, pcm]);
}
