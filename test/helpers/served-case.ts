// A case whose decision to pursue 戴峰 (O-0001) and 黄俊明 (O-0002) was served: a complaint against
// 市市场监管局, opened, investigated by sfj and sfjdc, found on `facts`, both persons waiving their
// statement, decided and served on `servedOn`. For the appeal tests. Returns the case id and a stepper.
import { expect } from 'vitest';
import type { Client, TestApp } from './app.js';
import { proposeAndDecide, recommendedProposal } from './approval.js';
import { duplicateFineFacts } from './case-facts.js';

export async function servedCase(
  t: TestApp,
  c: { sup: Client; inv: Client; ids: Record<string, string> },
  subject: string,
  servedOn: string,
  facts: object = duplicateFineFacts,
  /** Forms to propose instead of the recommended ones, by person. */
  forms?: Record<string, string>,
) {
  const { sup, inv, ids } = c;
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/public/complaints',
    payload: {
      agency: '529900-SCJ',
      subject,
      narrative: '同一违法行为被两次罚款，请依法处理。',
      anonymous: true,
    },
  });
  const lead = (await sup.get(`/api/v1/leads?q=${encodeURIComponent(subject)}`)).json().items[0];
  const id = (await sup.post(`/api/v1/leads/${lead.id}/open`, { version: lead.version })).json()
    .caseId as string;
  let version = (await sup.get(`/api/v1/cases/${id}`)).json().version as number;
  const act = async (who: Client, action: string, body: Record<string, unknown> = {}, expected = 200) => {
    const r = await who.post(`/api/v1/cases/${id}/actions/${action}`, { version, ...body });
    expect(r.statusCode, `${action}: ${r.body}`).toBe(expected);
    if (r.statusCode === 200) version = r.json().version;
    return r;
  };
  await act(sup, 'accept', { opinion: '同意立案' });
  await act(sup, 'assign_investigators', { userIds: [ids.sfj, ids.sfjdc] });
  await act(sup, 'start_investigation');
  await act(inv, 'record_findings', { facts, findingsText: '经查，同一违法行为两次罚款。' });
  await act(inv, 'notify_statement');
  await act(inv, 'waive_statement', { personId: 'O-0001', reason: '当事人书面放弃' });
  await act(inv, 'waive_statement', { personId: 'O-0002', reason: '当事人书面放弃' });
  if (forms) {
    // A form other than the recommended one, with the reason the departure needs.
    const detail = (await sup.get(`/api/v1/cases/${id}`)).json();
    const proposal = recommendedProposal(detail, 'pursue', '事实清楚，依法追究。');
    proposal.sanctions = proposal.sanctions.map((x) =>
      forms[x.personId] ? { ...x, form: forms[x.personId], reason: '情节较重，依法从重处理。' } : x,
    );
    await act(inv, 'propose_decision', proposal);
    await act(sup, 'decide', { opinion: '同意调查组意见。' });
  } else await proposeAndDecide(act, id, inv, sup, 'pursue', '事实清楚，依法追究。');
  await act(sup, 'serve', { servedOn, recipient: '戴峰', method: '直接送达' });
  return { id, act };
}
