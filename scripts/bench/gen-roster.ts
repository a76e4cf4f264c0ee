/**
 * A large synthetic roster for the parse benchmark: the fixture people, shops and products
 * plus generated ones (30,000 shops, 2,000 products by default) with realistic names —
 * 张记便利店, 老王烟酒店, 天虹超市(龙腾南路店), "Sunny Corner Market" — spread over many teams.
 */
import { seededRandom } from "../../src/demo/seeded-random.js";
import type { Person, Product, Retailer, Roster } from "../../src/domain/roster.js";

const SURNAMES = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤",
];
const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰涛明超霞平刚辉鹏华红斌波宁飞鑫玲琴兰凤洁梅峰建文"];
const BRANDS = [
  "鑫源",
  "金穗",
  "聚福",
  "盛源",
  "兴隆",
  "福满多",
  "万家福",
  "好又多",
  "惠民",
  "利民",
  "平价",
  "阳光",
  "佳家乐",
  "百佳惠",
  "客家人",
  "华联",
  "旺旺",
  "红星",
  "龙津",
  "永盛",
  "恒通",
  "祥和",
  "顺发",
  "富贵",
  "吉祥",
  "和顺",
  "金源",
  "宏达",
  "天福",
  "康乐",
];
const TYPES = ["便利店", "超市", "烟酒店", "烟酒商行", "小卖部", "食杂店", "副食店", "百货", "商行", "烟酒"];
const CHAINS = ["美宜佳", "天虹超市", "见福便利店", "罗森", "永辉超市", "易捷便利店", "全家", "喜士多", "7-11"];
const STREETS = [
  "龙腾南路",
  "莲庄路",
  "九一北路",
  "西安南路",
  "中山路",
  "人民路",
  "北环路",
  "南城路",
  "登高西路",
  "龙岩大道",
  "华莲路",
  "曹溪路",
  "溪南路",
  "西陂路",
  "江山路",
  "东肖北路",
  "红坊路",
  "适中镇",
  "龙门镇",
  "铁山镇",
  "建设路",
  "解放路",
  "和平路",
  "新华路",
  "胜利路",
  "东环路",
  "西环路",
  "滨河路",
  "公园路",
  "学院路",
];
const EN_FIRST = [
  "Sunny",
  "Golden",
  "Lucky",
  "Maple",
  "Oak",
  "Pine",
  "Riverside",
  "Lakeview",
  "Hillcrest",
  "Westgate",
  "Eastgate",
  "Northside",
  "Southpark",
  "Blue Bonnet",
  "Lone Oak",
  "Cactus",
  "Mesquite",
  "Pecan",
  "Red River",
  "Bluebird",
  "Mustang",
  "Longhorn",
  "Prairie",
  "Sierra",
  "Brazos",
  "Colorado",
  "Guadalupe",
  "Trinity",
  "San Marcos",
  "Llano",
];
const EN_KIND = [
  "Market",
  "Mart",
  "Food Store",
  "Grocery",
  "Corner Store",
  "Deli",
  "Express",
  "Pantry",
  "Quick Stop",
  "Gas & Go",
  "Pharmacy",
  "Liquor",
];
const ZH_PRODUCT_BRANDS = [
  "中华",
  "玉溪",
  "红塔山",
  "云烟",
  "芙蓉王",
  "利群",
  "黄鹤楼",
  "南京",
  "七匹狼",
  "双喜",
  "白沙",
  "黄金叶",
  "苏烟",
  "娇子",
  "真龙",
  "钻石",
  "泰山",
  "贵烟",
  "石狮",
  "金圣",
  "红河",
  "长白山",
  "好猫",
  "黄山",
  "哈德门",
  "红金龙",
  "大前门",
  "牡丹",
  "兰州",
  "延安",
];
const ZH_SPECS = [
  "软",
  "硬",
  "细支",
  "中支",
  "红",
  "金",
  "蓝",
  "经典",
  "新版",
  "珍品",
  "精品",
  "典藏",
  "国际",
  "逸品",
  "冰爽",
  "原味",
  "世纪",
  "炫彩",
  "尚品",
  "和谐",
];
const EN_PRODUCT_BRANDS = [
  "Dr Pepper",
  "Pepsi",
  "Mountain Dew",
  "Big Red",
  "Barq's",
  "Canada Dry",
  "Schweppes",
  "Vitaminwater",
  "Body Armor",
  "Celsius",
  "Red Bull",
  "Rockstar",
  "Bang",
  "Arizona",
  "Snapple",
  "Lipton",
  "Pure Leaf",
  "Gold Peak",
  "Simply",
  "Tropicana",
  "Ozarka",
  "Aquafina",
  "Liquid Death",
  "LaCroix",
  "Bubly",
  "Jarritos",
  "Sunkist",
  "A&W",
  "Squirt",
  "Fresca",
];
const EN_VARIANTS = [
  "Original",
  "Zero",
  "Diet",
  "Cherry",
  "Lime",
  "Lemon",
  "Orange",
  "Grape",
  "Berry",
  "Mango",
  "Peach",
  "Vanilla",
  "Citrus",
  "Tropical",
  "Blue Razz",
];
const EN_SIZES = ["12oz Can 12pk", "20oz", "2L", "16oz", "1L", "24pk", "8oz 6pk", "28oz", "12oz 6pk", "500ml"];

export interface GenOptions {
  shops: number;
  products: number;
  seed?: number;
}

/** The fixture roster plus generated shops, products and the managers who serve them. */
export function generateRoster(base: Roster, opts: GenOptions): Roster {
  // Seeded, so every run benchmarks the same roster.
  const rand = seededRandom(opts.seed ?? 42);
  // Every list picked from is a non-empty constant.
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const people: Person[] = [...base.people];
  const managers: string[] = [];
  const shopsPerManager = 200;
  const teamsNeeded = Math.ceil(opts.shops / shopsPerManager / 10);
  for (let t = 0; t < teamsNeeded; t++) {
    const en = t % 5 === 4;
    const sup = `GS${t}`;
    const team = en ? `Gen Team ${t}` : `生成${t}组`;
    people.push({
      id: sup,
      name: en ? `Lead ${t}` : `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`,
      role: "supervisor",
      team,
      supervisorId: null,
      lang: en ? "en" : "zh",
      timezone: en ? "America/Chicago" : "Asia/Shanghai",
      email: null,
    });
    for (let m = 0; m < 10; m++) {
      const id = `GM${t}_${m}`;
      people.push({
        id,
        name: en ? `Rep ${t}-${m}` : `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`,
        role: "manager",
        team,
        supervisorId: sup,
        lang: en ? "en" : "zh",
        timezone: en ? "America/Chicago" : "Asia/Shanghai",
        email: null,
      });
      managers.push(id);
    }
  }
  const retailers: Retailer[] = [...base.retailers];
  const names = new Set(retailers.map((r) => r.name));
  for (let i = 0; retailers.length < base.retailers.length + opts.shops; i++) {
    // Asking for shops makes teams, so there are managers to give them to.
    const manager = managers[Math.floor(i / shopsPerManager) % managers.length]!;
    const en = manager.startsWith("GM") && Number(manager.slice(2).split("_")[0]) % 5 === 4;
    let name: string;
    let aliases: string[] = [];
    if (en) {
      name = `${pick(EN_FIRST)} ${pick(EN_KIND)} #${Math.floor(rand() * 900) + 100}`;
      aliases = [name.split(" #")[0] ?? name];
    } else {
      const kind = rand();
      const type = pick(TYPES);
      if (kind < 0.3) {
        const s = pick(SURNAMES);
        name = `${s}记${type}`;
        aliases = [`${s}记`, `${s}记店`];
      } else if (kind < 0.5) {
        const s = pick(SURNAMES);
        name = `老${s}${type}`;
        aliases = [`老${s}家`, `老${s}`];
      } else if (kind < 0.7) {
        const person = `${pick(SURNAMES)}${pick(GIVEN)}`;
        name = `${person}${type}`;
        aliases = [person];
      } else if (kind < 0.85) {
        const b = pick(BRANDS);
        name = `${b}${type}`;
        aliases = [b];
      } else {
        const chain = pick(CHAINS);
        const street = pick(STREETS);
        name = `${chain}(${street}${rand() < 0.5 ? "" : `${Math.floor(rand() * 9) + 1}号`}店)`;
        aliases = [`${chain}${street}`, `${street}${chain}`];
      }
    }
    if (names.has(name)) name = `${name}${i}`;
    names.add(name);
    retailers.push({
      id: `G${i}`,
      name,
      aliases,
      managerId: manager,
      segment: pick(["standard", "premium_store", "brand_store", "rural"]),
      grade: Math.floor(rand() * 30) + 1,
      address: "",
      lat: null,
      lng: null,
      license: null,
    });
  }
  const products: Product[] = [...base.products];
  const skus = new Set(products.map((p) => p.name));
  for (let i = 0; products.length < base.products.length + opts.products; i++) {
    let p: Product;
    if (i % 2 === 0) {
      const brand = pick(ZH_PRODUCT_BRANDS);
      const spec = `${pick(ZH_SPECS)}${rand() < 0.5 ? pick(ZH_SPECS) : ""}`;
      p = {
        sku: `GT${i}`,
        name: `${brand}(${spec})`,
        brand,
        aliases: [`${spec}${brand}`],
        category: "tobacco",
        perCase: 10,
        priceBand: null,
      };
    } else {
      const brand = pick(EN_PRODUCT_BRANDS);
      const name = `${brand} ${pick(EN_VARIANTS)} ${pick(EN_SIZES)}`;
      p = {
        sku: `GB${i}`,
        name,
        brand,
        aliases: [name.replace(/\s+\d.*$/, "")],
        category: "beverage",
        perCase: 12,
        priceBand: null,
      };
    }
    if (skus.has(p.name)) continue;
    skus.add(p.name);
    products.push(p);
  }
  return { people, retailers, products };
}
