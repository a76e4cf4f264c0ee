/**
 * SVG to PNG with resvg (a prebuilt binary in its npm package: nothing downloads at install).
 * Names are Chinese, so the system's Noto Sans CJK (Debian fonts-noto-cjk) is loaded by path;
 * loading every system font instead would cost several times as long on each render. Reading the
 * font still dominates (~0.1 s idle), so identical charts are served from a small memo.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { renderAsync } from "@resvg/resvg-js";
import { CHART_FONT_FAMILY } from "./bar-chart.js";

const CJK_FONT_PATHS = [
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
];

let fontFiles: string[] | undefined;

/** The last few charts: asking twice for the same figures should not pay for the font again. */
const recent = new Map<string, Promise<Uint8Array>>();
const RECENT_LIMIT = 32;

export function svgToPng(svg: string): Promise<Uint8Array> {
  const key = createHash("sha1").update(svg).digest("hex");
  let png = recent.get(key);
  if (!png) {
    png = render(svg);
    png.catch(() => recent.delete(key));
    recent.set(key, png);
    const oldest = recent.keys().next();
    if (recent.size > RECENT_LIMIT && !oldest.done) recent.delete(oldest.value);
  }
  return png;
}

async function render(svg: string): Promise<Uint8Array> {
  fontFiles ??= CJK_FONT_PATHS.filter((p) => existsSync(p)).slice(0, 1);
  // Off the event loop: a render takes tens of milliseconds, mostly reading the font.
  const image = await renderAsync(svg, {
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: CHART_FONT_FAMILY },
    background: "#ffffff",
  });
  return new Uint8Array(image.asPng());
}
