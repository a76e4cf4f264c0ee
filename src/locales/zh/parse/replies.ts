/** How a Chinese reply picks, confirms, skips, names a unit or corrects a record. */
import type { ReplyPhrases } from "../../phrases.js";

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const PICK = /^(?:选|就|是)?\s*(?:第|#|no\.?)?\s*([0-9]{1,2}|[一二两三四五六七八九十])\s*(?:个|家|号|项|条|吧)?$/;

export const replies: ReplyPhrases = {
  ordinal(text) {
    const word = PICK.exec(text)?.[1];
    if (!word) return null;
    return /\d/.test(word) ? Number(word) : (DIGITS[word] ?? null);
  },
  skip: /^(忽略|跳过|不用了|都不是|没有)[。！]?$/,
  cancel: /^(取消|算了|不记了|不要了|撤销)[。！]?$/,
  yes: /^(对|是|是的|没错|好)/,
  no: /^(不对|不是|错)/,
  units: [
    [/^条$/, "carton"],
    [/^(包|盒)$/, "pack"],
    [/^(件|箱)$/, "case"],
    [/^(瓶|罐|听|支)$/, "unit"],
  ],
  unitAfterNumber: "条|包|盒|件|箱|瓶|罐|听",
  undo: /^(撤销|撤回|删除|删掉|删了|作废|这条不算)/,
  edit: /^(修改|编辑|改一下)$/,
  amend: /^(不对|不是|错了|搞错了|写错了|说错了|更正|纠正|改成|改为|改到|应该是|其实是|日期|时间|下次)|改成|改为|改到/,
  followUp: /再去|再来|再过去|回访|跟进|下次|复访/,
};
