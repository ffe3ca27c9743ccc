// A media report about an agency's enforcement (媒体曝光), entered by the supervision office as a lead
// of source "media" (issue 14: external evaluation): the outlet, the day it was published, the title,
// the address and a summary, and the agency it concerns. Pure: the report in, the lead's texts out.
import { z } from 'zod';
import { isSafeText, UNSAFE_TEXT_MESSAGE } from '../validation.js';

const safe = (s: z.ZodString) => s.refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE });

export const mediaReportSchema = z.object({
  agencyId: z.string().trim().min(1, { message: '请选择报道涉及的执法机关' }).max(40),
  outlet: safe(z.string().trim().min(1, { message: '请填写媒体名称' }).max(100)),
  publishedOn: z.iso.date({ message: '请填写报道日期（YYYY-MM-DD）' }),
  title: safe(z.string().trim().min(2, { message: '请填写报道标题（至少 2 字）' }).max(200)),
  url: z
    .url({ protocol: /^https?$/, message: '请填写以 http:// 或 https:// 开头的报道链接' })
    .max(2000)
    .optional(),
  summary: safe(z.string().trim().min(10, { message: '请概述报道反映的问题（至少 10 字）' }).max(5000)),
});
export type MediaReport = z.output<typeof mediaReportSchema>;

/** The lead's subject, narrative and detail (where the report can be found). */
export function mediaLeadText(r: MediaReport): { subject: string; narrative: string; detail: string } {
  const subject = `媒体报道：${r.title}`;
  return {
    subject: Array.from(subject).length > 100 ? `${Array.from(subject).slice(0, 99).join('')}…` : subject,
    narrative: `${r.outlet}于 ${r.publishedOn} 报道《${r.title}》：${r.summary}`,
    detail: [
      `媒体：${r.outlet}`,
      `报道日期：${r.publishedOn}`,
      `标题：${r.title}`,
      r.url ? `链接：${r.url}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}
