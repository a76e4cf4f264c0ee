/** Lower case, without spaces or punctuation: "Web Login!" and "web-login" are "weblogin", for exact-phrase commands. */
export function phraseKey(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
}
