/**
 * The roster's three tables and their columns as people write them: the canonical CSV names of
 * test/fixtures/roster and the Chinese headers an office's spreadsheet uses (姓名, 门店名称, 商品编码…).
 * Headers are matched ignoring case, spaces, underscores and full-width forms; a column nobody here
 * knows is ignored. The template (`cli roster-template`) is written from this table too.
 */

export const ROSTER_KINDS = ["people", "retailers", "products"] as const;
export type RosterKind = (typeof ROSTER_KINDS)[number];

export interface ColumnSpec {
  /** The canonical name (the CSV header of the fixtures). */
  name: string;
  /** Other headers that mean this column; the first is the Chinese header the template writes. */
  aliases: readonly string[];
  /** A column every file of this kind must have, and a cell every row must fill. */
  required?: boolean;
  /** The template's example cell, in each language's words when they differ. */
  example: string | { zh: string; en: string };
  note: { zh: string; en: string };
}

export interface TableSpec {
  kind: RosterKind;
  /** Sheet (and file) names that hold this table, besides the kind itself. */
  sheetNames: readonly string[];
  columns: readonly ColumnSpec[];
}

const PEOPLE: TableSpec = {
  kind: "people",
  sheetNames: ["人员", "员工", "人员名单", "花名册", "person"],
  columns: [
    {
      name: "id",
      aliases: ["工号", "编号", "人员编号", "员工编号"],
      required: true,
      example: "M01",
      note: { zh: "每人唯一，导入时按它更新", en: "unique per person; re-imports update by it" },
    },
    {
      name: "name",
      aliases: ["姓名", "名字"],
      required: true,
      example: "李晓军",
      note: { zh: "姓名", en: "full name" },
    },
    {
      name: "role",
      aliases: ["角色", "岗位", "职务"],
      required: true,
      example: { zh: "客户经理", en: "manager" },
      note: {
        zh: "客户经理 / 主管 / 管理员（或 manager / supervisor / admin）",
        en: "manager / supervisor / admin (客户经理 / 主管 / 管理员)",
      },
    },
    {
      name: "team",
      aliases: ["团队", "班组", "小组", "组别"],
      example: "思明一组",
      note: { zh: "所属团队；管理员可空", en: "team name; admins may leave it empty" },
    },
    {
      name: "supervisor_id",
      aliases: ["上级工号", "主管工号", "上级编号", "主管编号", "supervisor"],
      example: "",
      note: {
        zh: "直属主管的工号（须在人员表或已导入）",
        en: "id of the person's supervisor (in this table or imported before)",
      },
    },
    {
      name: "lang",
      aliases: ["语言", "language"],
      example: "zh",
      note: { zh: "zh（中文，默认）或 en", en: "zh (Chinese, default) or en" },
    },
    {
      name: "timezone",
      aliases: ["时区", "tz"],
      example: "Asia/Shanghai",
      note: { zh: "IANA 时区，空则用默认时区", en: "IANA zone; empty means TZ_DEFAULT" },
    },
    {
      name: "email",
      aliases: ["邮箱", "电子邮箱", "电子邮件", "e-mail"],
      example: "lixiaojun@example.com",
      note: { zh: "工作邮箱（Slack 按它自动关联）", en: "work e-mail (links the Slack account)" },
    },
    {
      name: "wecom_userid",
      aliases: ["企业微信账号", "企业微信ID", "企微账号", "企业微信userid", "wecom"],
      example: "LiXiaoJun",
      note: { zh: "企业微信成员账号（userid），用于关联企业微信", en: "WeCom member userid (links the WeCom account)" },
    },
    {
      name: "active",
      aliases: ["在职", "启用", "有效", "状态"],
      example: { zh: "是", en: "true" },
      note: {
        zh: "是 / 否（默认 是）；否 = 已离职或停用",
        en: "true / false (default true); false = left or disabled",
      },
    },
  ],
};

const RETAILERS: TableSpec = {
  kind: "retailers",
  sheetNames: ["门店", "零售户", "客户", "商户", "shops", "stores", "retailer"],
  columns: [
    {
      name: "id",
      aliases: ["门店编号", "客户编码", "客户编号", "零售户编号", "编号"],
      required: true,
      example: "R001",
      note: { zh: "每店唯一", en: "unique per shop" },
    },
    {
      name: "name",
      aliases: ["门店名称", "店名", "客户名称", "零售户名称", "名称"],
      required: true,
      example: "王记小卖部",
      note: { zh: "门店名称", en: "shop name" },
    },
    {
      name: "aliases",
      aliases: ["别名", "简称"],
      example: "王记|王记店",
      note: { zh: "口头叫法，用 | 分隔", en: "what people call it, separated by |" },
    },
    {
      name: "manager_id",
      aliases: ["客户经理工号", "客户经理编号", "负责人工号", "负责人编号", "manager"],
      example: "M01",
      note: { zh: "负责的客户经理工号（须在人员表中）", en: "id of the manager who visits it (must be a person)" },
    },
    {
      name: "segment",
      aliases: ["分类", "门店分类", "类别", "业态"],
      example: "standard",
      note: {
        zh: "brand_store / premium_store / standard（默认）/ rural，决定拜访频次",
        en: "brand_store / premium_store / standard (default) / rural: sets the visit frequency",
      },
    },
    {
      name: "grade",
      aliases: ["档位", "等级"],
      example: "10",
      note: { zh: "档位 0–100（整数）", en: "grade 0–100 (whole number)" },
    },
    {
      name: "address",
      aliases: ["地址", "经营地址"],
      example: "龙岩市新罗区登高西路80号",
      note: { zh: "经营地址", en: "street address" },
    },
    {
      name: "lat",
      aliases: ["纬度", "latitude"],
      example: "25.01913",
      note: { zh: "纬度，与经度同填同空", en: "latitude; with lng or neither" },
    },
    {
      name: "lng",
      aliases: ["经度", "longitude", "lon"],
      example: "116.95139",
      note: { zh: "经度", en: "longitude" },
    },
    {
      name: "license",
      aliases: ["许可证号", "烟草专卖许可证号", "专卖许可证号", "许可证"],
      example: "350842000001",
      note: { zh: "烟草专卖零售许可证号", en: "tobacco retail licence number" },
    },
  ],
};

const PRODUCTS: TableSpec = {
  kind: "products",
  sheetNames: ["商品", "产品", "卷烟", "品规", "product"],
  columns: [
    {
      name: "sku",
      aliases: ["商品编码", "卷烟编码", "编码", "品规编码"],
      required: true,
      example: "T001",
      note: { zh: "每个商品唯一", en: "unique per product" },
    },
    {
      name: "name",
      aliases: ["商品名称", "品名", "卷烟名称", "规格名称"],
      required: true,
      example: "中华(硬)",
      note: { zh: "商品名称", en: "product name" },
    },
    {
      name: "brand",
      aliases: ["品牌"],
      example: "中华",
      note: { zh: "品牌", en: "brand" },
    },
    {
      name: "aliases",
      aliases: ["别名", "简称"],
      example: "硬中华|硬中",
      note: { zh: "口头叫法，用 | 分隔", en: "what people call it, separated by |" },
    },
    {
      name: "category",
      aliases: ["类别", "品类"],
      example: "tobacco",
      note: { zh: "品类", en: "category" },
    },
    {
      name: "per_case",
      aliases: ["每件条数", "件装数", "每件数量"],
      example: "10",
      note: { zh: "一件有几条（整数）", en: "units in one case (whole number)" },
    },
    {
      name: "price_band",
      aliases: ["价类", "价位段", "价格段"],
      example: "一类",
      note: { zh: "价类", en: "price band" },
    },
  ],
};

export const TABLES: Record<RosterKind, TableSpec> = { people: PEOPLE, retailers: RETAILERS, products: PRODUCTS };

/** How a header or sheet name is compared: case, spaces, underscores, hyphens and full-width forms do not matter. */
function normaliseName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-()（）]/g, "");
}

/** The canonical column a header means in a table, or null for a column the import ignores. */
export function columnFor(spec: TableSpec, header: string): ColumnSpec | null {
  const wanted = normaliseName(header);
  return spec.columns.find((c) => [c.name, ...c.aliases].some((n) => normaliseName(n) === wanted)) ?? null;
}

/** The table a sheet or file (without extension) of that name holds, or null. */
export function kindNamed(name: string): RosterKind | null {
  const wanted = normaliseName(name);
  return (
    ROSTER_KINDS.find((kind) => [kind, ...TABLES[kind].sheetNames].some((n) => normaliseName(n) === wanted)) ?? null
  );
}
