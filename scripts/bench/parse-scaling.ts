/**
 * Parse scaling benchmark: the parser's work must grow in step with the message, so no message up to
 * the channel cap (4,000 characters) can hold the event loop. Parses repetitive and varied reports of
 * 500, 1,000, 2,000 and 4,000 characters against the shipped demo roster (no ../shared needed) and
 * prints the median ms per size and the time ratio per doubling (≈ 2 is linear, ≈ 4 quadratic).
 *   npx tsx scripts/bench/parse-scaling.ts [--runs 7] [--max 4000]
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createParser } from "../../src/parse/index.js";
import { readRosterDir } from "../../src/roster/roster-files.js";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "7" }, max: { type: "string", default: "4000" } },
});
const RUNS = Number(values.runs);
const SIZES: number[] = [];
for (let n = 500; n <= Number(values.max); n *= 2) SIZES.push(n);

const ZH_NOW = "2026-11-25T17:40:00+08:00";
const EN_NOW = "2026-11-25T17:40:00-06:00";

interface Case {
  label: string;
  sender: string;
  now: string;
  /** Lines repeated in turn until the message reaches the size. */
  lines: string[];
  prefix?: string;
}

const CASES: Case[] = [
  // The message that froze the server (issue 20): a shop the roster does not hold, named 400 times.
  {
    label: "repetitive zh, unknown shop",
    sender: "M11",
    now: ZH_NOW,
    prefix: "修改 #",
    lines: ["张记便利店 中华断货 "],
  },
  { label: "repetitive zh, own shop", sender: "M11", now: ZH_NOW, lines: ["谢记便利店 软中华断货 硬中华还有3条 "] },
  { label: "repetitive en, own shop", sender: "M21", now: EN_NOW, lines: ["Joe's out of Coke Zero, 2 cases Sprite. "] },
  {
    label: "varied zh",
    sender: "M11",
    now: ZH_NOW,
    lines: [
      "今天跑了谢记便利店和黄记副食店 谢记的硬中华还有3条 利群没货了 老板说利群最近走得快。",
      "黄记帮着理了下烟柜 价签查了一遍都没问题 软玉溪订了2条。",
      "洪记食杂店 老板抱怨送货太慢 芙蓉王断了 下周三再过去看看。",
      "罗森莲花路 红塔山还剩十几条 帮他把荷花和纯境挪到中间 明码标价都查了。",
      "吴记食杂店的白狼 通仙各两条 老板想上炫赫门 明天带样品过去。",
      "蔡记烟酒商行今天做了荷花品鉴 来了20个人 卖了5条。",
      "林记便利店 软蓝3包 醇和断货 老板希望多配点双中支。",
    ],
  },
  {
    label: "varied en",
    sender: "M21",
    now: EN_NOW,
    lines: [
      "Hit Joe's and Sunrise today. Joe's had 3 cases of Coke Zero, totally out of Topo. ",
      "Sunrise owner complained delivery was late again, told him I'd be back Tuesday. ",
      "Circle K Garland: reset the cooler, faced everything up, Monster 12 cans, Gatorade low. ",
      "El Rancho ordered 2 cases MM OJ and 1 case Fanta. ",
      "Lakewood manager wants more Dasani, checked shelf prices, two tags wrong on Powerade, fixed. ",
      "Bluebonnet out of smartwater, 4 btl Diet Coke, will check back friday. ",
    ],
  },
];

function message(c: Case, size: number): string {
  let text = c.prefix ?? "";
  for (let i = 0; text.length < size; i++) text += c.lines[i % c.lines.length];
  return text.slice(0, size);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const parser = createParser(readRosterDir(resolve(import.meta.dirname, "../../prisma/demo")));
console.log(`parse scaling on Node ${process.version}: median of ${RUNS} runs, demo roster`);
console.log(`${"case".padEnd(30)}${SIZES.map((s) => `${s} ch`.padStart(12)).join("")}   ratio per doubling`);
for (const c of CASES) {
  const times = SIZES.map((size) => {
    const text = message(c, size);
    parser.parse({ text, senderId: c.sender, now: c.now }); // warm-up
    const runs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const start = performance.now();
      parser.parse({ text, senderId: c.sender, now: c.now });
      runs.push(performance.now() - start);
    }
    return median(runs);
  });
  const ratios = times.slice(1).map((t, i) => (t / Math.max(times[i] ?? t, 0.001)).toFixed(1));
  console.log(
    `${c.label.padEnd(30)}${times.map((t) => `${t.toFixed(1)} ms`.padStart(12)).join("")}   ${ratios.join("  ")}`,
  );
}
