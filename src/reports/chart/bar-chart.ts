/**
 * A grouped bar chart as SVG text: per member, the planned stops beside the visits done on plan
 * (with off-plan visits stacked on top in a lighter shade, so extra work shows but does not pass
 * for plan). Built by hand: a dozen rectangles need no charting library, and SVG keeps it testable.
 */

export interface BarGroup {
  label: string;
  planned: number | null;
  done: number;
  extra: number;
}

export interface BarChartText {
  title: string;
  /** A second, smaller line under the title: the period. */
  subtitle: string;
  planned: string;
  done: string;
  extra: string;
}

export const CHART_FONT_FAMILY = "Noto Sans CJK SC";

const COLORS = { planned: "#c7d3e3", done: "#2e6db4", extra: "#8fc1ea", axis: "#8a94a3", text: "#1f2933" };
const HEIGHT = 380;
const TOP = 92;
const BOTTOM = 72;
const LEFT = 48;
const RIGHT = 12;
const MIN_WIDTH = 520;
const TITLE = { y: 28, size: 18, minSize: 14 };
const SUBTITLE = { y: 48, size: 13 };
const LEGEND_Y = 72;
const LEGEND_STEP = 130;
/**
 * Estimated advance widths in em of Noto Sans CJK: CJK and full-width forms are square; Latin
 * letters, digits and punctuation average about half an em, so 0.62 errs on the wide side (bold).
 */
const CJK_EM = 1;
const LATIN_EM = 0.62;

export function barChartSvg(groups: BarGroup[], text: BarChartText): string {
  const slot = groups.length > 10 ? 56 : 76;
  const width = Math.max(MIN_WIDTH, LEFT + 24 + groups.length * slot);
  const room = width - LEFT - RIGHT;
  const title = fitText(text.title, room, TITLE.size, TITLE.minSize);
  const subtitle = fitText(text.subtitle, room, SUBTITLE.size, SUBTITLE.size);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const max = Math.max(1, ...groups.map((g) => Math.max(g.planned ?? 0, g.done + g.extra)));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const y = (v: number) => TOP + plotHeight - (v / top) * plotHeight;
  const bar = Math.min(24, (slot - 16) / 2);
  const rotate = groups.length > 8;

  const parts: string[] = [
    `<rect width="${width}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="${TITLE.y}" font-size="${title.size}" font-weight="bold" fill="${COLORS.text}">${esc(title.text)}</text>`,
    `<text x="${LEFT}" y="${SUBTITLE.y}" font-size="${subtitle.size}" fill="${COLORS.axis}">${esc(subtitle.text)}</text>`,
    legend(LEFT, LEGEND_Y, COLORS.planned, text.planned) +
      legend(LEFT + LEGEND_STEP, LEGEND_Y, COLORS.done, text.done) +
      legend(LEFT + 2 * LEGEND_STEP, LEGEND_Y, COLORS.extra, text.extra),
  ];
  for (let v = 0; v <= top; v += step) {
    parts.push(
      `<line x1="${LEFT}" x2="${width - RIGHT}" y1="${y(v)}" y2="${y(v)}" stroke="#e4e8ee" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${LEFT - 8}" y="${y(v) + 4}" font-size="11" text-anchor="end" fill="${COLORS.axis}">${v}</text>`,
    );
  }
  groups.forEach((g, i) => {
    const x0 = LEFT + 16 + i * slot;
    if (g.planned !== null)
      parts.push(
        barRect(x0, y(g.planned), bar, y(0) - y(g.planned), COLORS.planned),
        value(x0 + bar / 2, y(g.planned), g.planned),
      );
    const x1 = x0 + bar + 4;
    parts.push(barRect(x1, y(g.done), bar, y(0) - y(g.done), COLORS.done));
    if (g.extra > 0) parts.push(barRect(x1, y(g.done + g.extra), bar, y(g.done) - y(g.done + g.extra), COLORS.extra));
    parts.push(value(x1 + bar / 2, y(g.done + g.extra), g.done + g.extra));
    const cx = x0 + bar + 2;
    const ly = y(0) + 18;
    parts.push(
      rotate
        ? `<text x="${cx}" y="${ly}" font-size="12" text-anchor="end" fill="${COLORS.text}" transform="rotate(-35 ${cx} ${ly})">${esc(g.label)}</text>`
        : `<text x="${cx}" y="${ly}" font-size="13" text-anchor="middle" fill="${COLORS.text}">${esc(g.label)}</text>`,
    );
  });
  parts.push(
    `<line x1="${LEFT}" x2="${width - RIGHT}" y1="${y(0)}" y2="${y(0)}" stroke="${COLORS.axis}" stroke-width="1"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" font-family="${CHART_FONT_FAMILY}">${parts.join("")}</svg>`;
}

/** The estimated width of a line of text at a font size, in pixels. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text)
    em += /[\u2000-\u206f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? CJK_EM : LATIN_EM;
  return em * size;
}

/**
 * A line that stays inside `room` pixels: at its size if it fits, else smaller down to `minSize`,
 * else cut with an ellipsis (a long team name must not run past the image's edge).
 */
export function fitText(text: string, room: number, size: number, minSize: number): { text: string; size: number } {
  for (let s = size; s >= minSize; s--) if (textWidth(text, s) <= room) return { text, size: s };
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join("")}…`, minSize) > room) chars.pop();
  return { text: `${chars.join("").trimEnd()}…`, size: minSize };
}

function barRect(x: number, y: number, w: number, h: number, fill: string): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${Math.max(0, h)}" fill="${fill}" rx="2"/>`;
}

function value(x: number, y: number, v: number): string {
  return `<text x="${x}" y="${y - 4}" font-size="11" text-anchor="middle" fill="${COLORS.text}">${v}</text>`;
}

function legend(x: number, y: number, fill: string, label: string): string {
  return `<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${fill}" rx="2"/><text x="${x + 18}" y="${y}" font-size="12" fill="${COLORS.text}">${esc(label)}</text>`;
}

/** Gridline spacing of 1, 2 or 5 times a power of ten, about five lines high. */
function niceStep(max: number): number {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? power * 10;
}

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
