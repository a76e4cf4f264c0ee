/**
 * WeCom's callback encryption (加解密方案): the signature is the SHA-1 of the sorted token,
 * timestamp, nonce and ciphertext; the ciphertext is AES-256-CBC under the EncodingAESKey (plus "=",
 * base64-decoded; its first 16 bytes are the IV), PKCS#7-padded to 32 bytes, over 16 random bytes,
 * the message length (4 bytes, big-endian), the message and the receive id.
 *
 * The algorithm is @wecom/crypto's (WeCom's own package); this module adds what it leaves to the
 * caller: a constant-time signature comparison, the receive-id check (a self-built app's is the
 * CorpID), and one error for every way a ciphertext can be wrong (its decrypt throws RangeErrors or
 * returns a cut message with an empty id on garbage, rather than an error of its own).
 */
import { timingSafeEqual } from "node:crypto";
import { decrypt, getSignature } from "@wecom/crypto";

export class CallbackCipherError extends Error {
  readonly code = "WECOM_CIPHER";
}

export class CallbackCipher {
  constructor(
    private readonly token: string,
    private readonly encodingAesKey: string,
    /** The CorpID: WeCom puts it after every message meant for this company. */
    private readonly receiveId: string,
  ) {}

  /** Whether `signature` (msg_signature) is WeCom's signature of these values. */
  signed(signature: string, timestamp: string, nonce: string, encrypted: string): boolean {
    const expected = Buffer.from(getSignature(this.token, timestamp, nonce, encrypted), "utf8");
    const given = Buffer.from(signature.toLowerCase(), "utf8");
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The plaintext inside a ciphertext; throws CallbackCipherError unless it decrypts to a message for us. */
  open(encrypted: string): string {
    let opened: { message: string; id: string };
    try {
      opened = decrypt(this.encodingAesKey, encrypted);
    } catch (error) {
      throw new CallbackCipherError("callback does not decrypt with WECOM_ENCODING_AES_KEY", { cause: error });
    }
    if (opened.id !== this.receiveId) {
      throw new CallbackCipherError("callback is not addressed to WECOM_CORP_ID (wrong key, or another company's)");
    }
    return opened.message;
  }
}
