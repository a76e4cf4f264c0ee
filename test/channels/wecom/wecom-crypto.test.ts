/**
 * The callback cipher (@wecom/crypto behind CallbackCipher) against vectors made with Node's own
 * crypto from WeCom's description (wecom-side.ts), and against the URL-verification example in
 * WeCom's documentation of the scheme.
 */
import { randomBytes } from "node:crypto";
import { getSignature, encrypt as libraryEncrypt } from "@wecom/crypto";
import { describe, expect, it } from "vitest";
import { CallbackCipher, CallbackCipherError } from "../../../src/channels/wecom/wecom-crypto.js";
import { AES_KEY, CORP_ID, TOKEN, wecomEncrypt, wecomSignature } from "./wecom-side.js";

const cipher = new CallbackCipher(TOKEN, AES_KEY, CORP_ID);

describe("WeCom's callback cipher", () => {
  it.each([
    ["a short text", "hello"],
    [
      "a Chinese visit report over several blocks",
      "<xml><Content><![CDATA[王记 软中华断货 红塔山12条 玉溪3条]]></Content></xml>",
    ],
    // Random prefix, length, message, CorpID: 16 + 4 + 26 + 18 = 64 bytes, so a whole 32-byte block of padding.
    ["a plaintext filling whole blocks (32 bytes of padding)", "abcdefghijklmnopqrstuvwxyz"],
    ["an empty message", ""],
  ])("opens %s encrypted as WeCom encrypts it", (_, message) => {
    expect(cipher.open(wecomEncrypt(message))).toBe(message);
  });

  it("encrypts byte for byte as WeCom's description says, given the same random prefix", () => {
    const random = randomBytes(16);
    const message = "<xml><Content><![CDATA[老周家 中华(软)2条]]></Content></xml>";
    expect(libraryEncrypt(AES_KEY, message, CORP_ID, random)).toBe(wecomEncrypt(message, { random }));
  });

  it("signs as WeCom does, and checks a signature in either case but never a wrong one", () => {
    const encrypted = wecomEncrypt("<xml/>");
    const good = wecomSignature(TOKEN, "1764000000", "42", encrypted);
    expect(getSignature(TOKEN, "1764000000", "42", encrypted)).toBe(good);
    expect(cipher.signed(good, "1764000000", "42", encrypted)).toBe(true);
    expect(cipher.signed(good.toUpperCase(), "1764000000", "42", encrypted)).toBe(true);
    const flipped = `${good.slice(0, -1)}${good.endsWith("0") ? "1" : "0"}`;
    expect(cipher.signed(flipped, "1764000000", "42", encrypted)).toBe(false);
    expect(cipher.signed(good, "1764000001", "42", encrypted)).toBe(false);
    expect(cipher.signed(good.slice(0, 20), "1764000000", "42", encrypted)).toBe(false);
    expect(
      cipher.signed(wecomSignature("anotherToken", "1764000000", "42", encrypted), "1764000000", "42", encrypted),
    ).toBe(false);
  });

  it("refuses a message for another company, under another key, or not a ciphertext at all", () => {
    expect(() => cipher.open(wecomEncrypt("hi", { receiveId: "ww0000000000000000" }))).toThrow(CallbackCipherError);
    expect(() => cipher.open(wecomEncrypt("hi", { key: "a".repeat(43) }))).toThrow(CallbackCipherError);
    expect(() => cipher.open("bm90IGEgY2lwaGVydGV4dA==")).toThrow(CallbackCipherError);
    expect(() => cipher.open(wecomEncrypt("hi").slice(0, 40))).toThrow(CallbackCipherError);
    expect(() => cipher.open("")).toThrow(CallbackCipherError);
  });

  it("verifies and opens the URL-verification example of WeCom's documentation", () => {
    const documented = new CallbackCipher("QDG6eK", AES_KEY, "wx5823bf96d3bd56c7");
    const echostr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    expect(documented.signed("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", echostr)).toBe(
      true,
    );
    expect(documented.open(echostr)).toBe("1616140317555161061");
  });
});
