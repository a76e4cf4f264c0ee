/** The planned-vs-done chart: well-formed SVG with the names escaped, rendered to a PNG of sensible size. */
import { describe, expect, it } from "vitest";
import { barChartSvg, fitText, textWidth } from "../../../src/reports/chart/bar-chart.js";
import { svgToPng } from "../../../src/reports/chart/render-png.js";

const TEXT = {
  title: "新罗一组 计划与完成",
  subtitle: "今天 11月25日（周三）",
  planned: "计划",
  done: "已完成",
  extra: "计划外",
};

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("team status chart", () => {
  it("draws one planned and one done bar per member, off-plan visits stacked on the done bar", () => {
    const svg = barChartSvg(
      [
        { label: "林志强", planned: 25, done: 3, extra: 1 },
        { label: "<Jake & Co>", planned: 10, done: 0, extra: 0 },
      ],
      TEXT,
    );
    expect(svg).toContain("林志强");
    expect(svg).toContain("&lt;Jake &amp; Co&gt;");
    // Each colour once in the legend, then per bar.
    expect(svg.match(/fill="#c7d3e3" rx/g)).toHaveLength(1 + 2); // planned
    expect(svg.match(/fill="#2e6db4" rx/g)).toHaveLength(1 + 2); // done
    expect(svg.match(/fill="#8fc1ea" rx/g)).toHaveLength(1 + 1); // off-plan, only where there are some
  });

  it("renders a valid PNG with the CJK font, wider for a bigger team", async () => {
    const three = await svgToPng(
      barChartSvg(
        ["林志强", "黄丽萍", "张伟"].map((label, i) => ({ label, planned: 25, done: 5 * i, extra: 0 })),
        TEXT,
      ),
    );
    expect(Buffer.from(three.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a");
    expect(pngSize(three)).toEqual({ width: 520, height: 380 });
    expect(three.byteLength).toBeGreaterThan(5_000);
    expect(three.byteLength).toBeLessThan(500_000);
    const fifteen = await svgToPng(
      barChartSvg(
        Array.from({ length: 15 }, (_, i) => ({ label: `经理${i + 1}`, planned: 20, done: i, extra: 0 })),
        TEXT,
      ),
    );
    expect(pngSize(fifteen).width).toBeGreaterThan(800);
  });

  it("keeps a long title inside the image: smaller first, then cut with an ellipsis", () => {
    const room = 520 - 48 - 12;
    expect(fitText("新罗一组 计划与完成", room, 18, 14)).toEqual({ text: "新罗一组 计划与完成", size: 18 });
    const english = fitText("Austin North Metro Beverage: planned vs done", room, 18, 14);
    expect(english.text).toBe("Austin North Metro Beverage: planned vs done");
    expect(english.size).toBeLessThan(18);
    expect(textWidth(english.text, english.size)).toBeLessThanOrEqual(room);
    const long = fitText("新罗区烟草专卖局营销部城区第一客户服务组（含城东、城西、城南网格）计划与完成", room, 18, 14);
    expect(long.text.endsWith("…")).toBe(true);
    expect(textWidth(long.text, long.size)).toBeLessThanOrEqual(room);
    const svg = barChartSvg([{ label: "林志强", planned: 25, done: 3, extra: 0 }], {
      ...TEXT,
      title: "新罗区烟草专卖局营销部城区第一客户服务组（含城东、城西、城南网格）计划与完成",
    });
    expect(svg).toContain(`>${long.text}</text>`);
  });
});
