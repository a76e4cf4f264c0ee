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
  undo: /^(撤销|撤回|作废|这条不算|(删除|删掉|删了)(这条|那条|上一条|刚才那条|刚才的|记录)?)[。！!]?$/,
  edit: /^(修改|编辑|改一下)$/,
  remove: /^(去掉|删掉|删除|删去|去除|拿掉|移除|划掉)|^(把|将).{1,30}(去掉|删掉|删除|删去|去除|拿掉|移除|划掉)/,
  factLists: [
    [/断货|缺货|没货|断了/, "outOfStock"],
    [/库存|还有|剩/, "stock"],
    [/新上柜|上柜|新品/, "listed"],
    [/订货|订单|订了|下单/, "orders"],
    [/销售|销量|卖了/, "sales"],
    [/下次|跟进|回访|复访/, "followUp"],
  ],
  amend:
    /^(不对(?!劲)|不是|错了|搞错了|写错了|说错了|更正|纠正|改成|改为|改到|应该是|其实是|日期|时间|下次)|改成|改为|改到/,
  plainlyAmends: /^(不对(?!劲)|错了|搞错了|写错了|说错了|更正|纠正|改成|改为|改到|应该是|其实是)|改成|改为|改到/,
  followUp: /再去|再来|再过去|回访|跟进|下次|复访/,
  headcount:
    /(\d+|[一二两三四五六七八九十百]+)\s*(?:个)?\s*(?:人|位|名)|(?:人数|触达|来了|到场)\D{0,4}?(\d+)(?![\d.]|\s*(?:条|包|盒|件|箱|瓶|罐|听|分钟|小时))/,
  durations: [
    [/(\d+(?:\.\d+)?)\s*个?\s*(?:小时|钟头)/, 60],
    [/(\d+)\s*分钟/, 1],
  ],
  secondVisit: /又去了|又去|又跑了一趟|再去了一趟|又过去了|第二次去|二次拜访|回去了一趟/,
  asks: /[?？]\s*$|吗[。!！]?\s*$|什么时候|几时|多久|多少天|怎么样|情况如何|有没有去|上次/,
};
