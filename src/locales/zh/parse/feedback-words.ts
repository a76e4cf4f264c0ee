/** Where a Chinese owner's words start and stop inside a report (老板说利群最近走得快 让多给他分点货源). */
import type { FeedbackWords } from "../../../parse/locale.js";

export const feedbackWords: FeedbackWords = {
  // Phrases are separated by commas or spaces, and run-on speech by 然后, 另外.
  clauseBreak: /[，,、\s]+|然后|另外|而且|并且|接着/g,
  // 老陈说 (the cue is 说 after the owner's name), 老板跟我诉苦
  speaker: /^(?:老板娘?|店主|店员|营业员|他|她|诉苦|(?:还|又|也)?说)/,
  plainSpeech: /(?:说|表示|讲|想|要求|提)$/,
  // 我说会反映上去, 我跟他讲了: the writer again; 让我, 问我, 希望我们 are still the owner speaking.
  selfSpeaker:
    /(?<![让叫托请要给问望跟和对诉])我(?:说|跟他|跟老板|和他|给他|帮他|让他|先|会|就|已经|弄|搞|处理|办|当场|马上|顺手|顺便)/,
  // 老板又提了 说上个月被塞了三件红塔山
  goesOn: /^(?:还|又|也|就)?(?:说|表示|讲)/,
  // 老板说让我过两天再来: the owner's words asking the writer to come
  asksWriter: /让我|叫我|要我|请我|约我|托我|希望我/,
  writersVisit: /去|来(?!一场)|回访|拜访|跟进|复查/,
  doneWork: /了|(?<![不没])好(?![卖看像多用])|完/,
  // 老板问能不能帮他开通云POS 我弄好了
  done: /^[\s，,。.；;]*(?:我|然后)?(?:当场|马上|已经|顺手|顺便|就)?(?:帮他|给他|帮她|给她)?(?:弄好|搞定|搞好|处理好|处理了|办好|办了|弄了|装好|修好|解决了|开通了|调好|换好|换了)/,
  agrees:
    /^\s*(?:都|也)?(?:知道了|晓得了|没问题|好的?|行|可以|明白了?|收到|懂了|理解|同意了?|答应了?|会注意的?|会改的?)[。！!，,\s]*(?:$|\n)/,
  ownPlans:
    /^[^，,。；;\n]{0,6}?(?:他|她|自己)(?:自己)?(?:要|准备|打算|会|得|想)?(?:出门|出去|回老家|回家|休息|住院|去进货|去拿货|去批发部|不在|歇|关门|回来)(?![^，,。；;\n]{0,8}(?:让我|帮|给他|配|分|要货|上柜))[^，,。；;\n]*[。；;\n]?\s*$/,
  leadingFiller: /^(?:[\s，,、的]|然后|另外|而且|还有|并且|接着|今天|那边|这边)+/,
};
