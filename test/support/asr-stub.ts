/**
 * A local OpenAI-compatible speech recogniser over real HTTP: `POST /v1/audio/transcriptions`
 * (multipart), answering the transcript registered for the uploaded audio's sha256, or 404 when the
 * audio is unknown: a test proves what was sent by what came back. A WAV file is keyed by its samples
 * (the data chunk), so a test can register the PCM it decoded without writing a header itself.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getWavFileInfo, isWav } from "silk-wasm";

interface AsrCall {
  model: string;
  filename: string;
  mime: string;
  authorization: string | null;
  audio: Uint8Array;
}

export interface AsrStub {
  /** The base URL to configure as ASR_BASE_URL. */
  baseUrl: string;
  calls: AsrCall[];
  /** Answer `text` for this audio (a file's bytes, or a WAV's PCM samples). */
  learn(audio: Uint8Array, text: string): void;
  close(): Promise<void>;
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** `fallback`: the transcript for audio nobody registered (a browser's own recording, unknown in advance). */
export async function startAsrStub(options: { fallback?: string } = {}): Promise<AsrStub> {
  const transcripts = new Map<string, string>();
  const calls: AsrCall[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || req.url !== "/v1/audio/transcriptions") {
      res.writeHead(404).end();
      return;
    }
    // The platform's own multipart reader, so the client's encoding is checked by someone else's parser.
    const form = await new Request("http://stub/", {
      method: "POST",
      headers: { "content-type": req.headers["content-type"] ?? "" },
      body: Buffer.concat(chunks),
    }).formData();
    const file = form.get("file");
    if (!(file instanceof Blob)) {
      res.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "no file" }));
      return;
    }
    const audio = new Uint8Array(await file.arrayBuffer());
    calls.push({
      model: String(form.get("model")),
      filename: (file as File).name,
      mime: file.type,
      authorization: req.headers.authorization ?? null,
      audio,
    });
    const text = transcripts.get(sha256(samplesOf(audio))) ?? options.fallback;
    res
      .writeHead(text === undefined ? 404 : 200, { "Content-Type": "application/json" })
      .end(JSON.stringify(text === undefined ? { error: "unknown audio" } : { text }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    calls,
    learn: (audio, text) => void transcripts.set(sha256(audio), text),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function samplesOf(audio: Uint8Array): Uint8Array {
  if (!isWav(audio)) return audio;
  const data = getWavFileInfo(audio).chunkInfo.find((chunk) => chunk.chunkId === "data");
  return data ? audio.subarray(data.dataOffset, data.dataOffset + data.dataLength) : audio;
}
