/**
 * 第四章 行政执法过错责任追究程序（摘要，非正式文本——种子文本未收录第四章）
 *
 * The steps named in the research paper (立案 → 取证 → 审批定案 → 送达 → 执行 → 结案) and the
 * deadlines, which differ between jurisdictions and so are pack parameters (`procedure`), not
 * constants. The text below is our summary; an admin may paste the official chapter into a pack.
 */
import { CHAPTER_TITLES, SUMMARY_SOURCE } from './measures.js';
import type { ChapterText } from './types.js';

export const CHAPTER_4: ChapterText = Object.freeze({
  number: 4,
  title: CHAPTER_TITLES[4]!,
  text: [
    '追究程序：立案、取证、审批定案、送达、执行、结案。',
    '对投诉、举报，应当在规定期限内决定是否受理；不予受理的，告知具名投诉人并说明理由。',
    '调查人员不得少于二人，与案件有利害关系的应当回避；调查应当在规定期限内完成，经负责人批准可以延长一次。',
    '作出追究决定前，应当听取当事人的陈述和申辩。',
    '当事人对追究决定不服的，可以在决定送达后规定期限内申诉；申诉期间，不停止决定的执行。',
    '各项期限由规则包的程序参数规定。',
  ].join('\n'),
  summary: true,
  source: SUMMARY_SOURCE,
});
