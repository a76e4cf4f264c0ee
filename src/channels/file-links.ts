/** Links to the bot's files (charts, exports, photos) as the chat platforms need them. */

/** An absolute http(s) URL the platform or a phone can open, or null (a relative /files/ link without PUBLIC_URL). */
export function reachableUrl(url: string, publicUrl: string | null): string | null {
  if (/^https?:\/\//i.test(url)) return url;
  if (publicUrl && url.startsWith("/")) return publicUrl.replace(/\/+$/, "") + url;
  return null;
}

/** A file name made from a title: letters and digits of any script, dashes between, at most 60 characters. */
export function fileSlug(text: string): string {
  return (
    text
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "image"
  );
}
