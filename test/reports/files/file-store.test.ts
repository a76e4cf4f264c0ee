/** The download store: a file is reachable only by its token and name, and only until it expires. */
import { describe, expect, it } from "vitest";
import { safeRelativePath } from "../../../src/channels/web/static-files.js";
import { FileStore } from "../../../src/reports/files/file-store.js";

const body = new Uint8Array([1, 2, 3]);

describe("FileStore", () => {
  it("serves a file by the path the web server hands over (token/filename, decoded)", async () => {
    const store = new FileStore();
    const url = store.put("拜访-2026-11-25.xlsx", "application/x", body);
    expect(url).toMatch(/^\/files\/[A-Za-z0-9_-]{24}\/%E6%8B%9C/);
    const path = safeRelativePath(url.slice("/files/".length))!;
    expect(await store.get(path)).toEqual({ contentType: "application/x", body });
  });

  it("refuses a wrong name, an unknown token and extra path segments", async () => {
    const store = new FileStore();
    const token = store.put("a.png", "image/png", body).split("/")[2];
    expect(await store.get(`${token}/b.png`)).toBeNull();
    expect(await store.get("nope/a.png")).toBeNull();
    expect(await store.get(`${token}/a.png/x`)).toBeNull();
  });

  it("forgets files after their time and keeps at most maxFiles", async () => {
    let now = 0;
    const store = new FileStore({ ttlMs: 1000, maxFiles: 2, clock: () => now });
    const first = store.put("1.png", "image/png", body).slice("/files/".length);
    now = 999;
    expect(await store.get(first)).not.toBeNull();
    now = 1000;
    expect(await store.get(first)).toBeNull();
    const a = store.put("a.png", "image/png", body).slice("/files/".length);
    store.put("b.png", "image/png", body);
    store.put("c.png", "image/png", body);
    expect(await store.get(a)).toBeNull(); // the oldest went first
  });
});
