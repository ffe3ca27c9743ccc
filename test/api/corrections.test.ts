// 纠错 over the API: the office sets a measure for a detected fault; the agency reports it done; no
// re-check before it falls due; when due, the re-check reads the later findings — a recurrence opens
// a lead in the inbox, none clears the measure; the nightly path re-checks every due measure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act } from '../../src/core/detect/testing.js';
import { importActs } from '../../src/store/acts-import.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';

describe.each(drivers)('correction measures on %s', (driver) => {
  const clock = fixedClock('2026-11-25');
  let t: TestApp;
  let sup: Client;
  let legal: Client;
  let finding: {
    actId: string;
    rule: string;
    agencyId: string;
    regionCode: string;
    officerId: string | null;
  };
  let other: { actId: string; rule: string };

  beforeAll(async () => {
    t = await createTestApp(driver, { clock });
    sup = await t.login('sfj');
    legal = await t.login('scjfz');
    // Two acts of the city's market regulator, each with a fault the detection rules find.
    const alone = act('penalty', {
      id: 'COR-1',
      officers: [{ id: 'O-0001', certificate: '52990000005', validUntil: '2027-06-30' }],
      dates: { decided: '2026-10-05' },
    });
    const noHearing = act('penalty', {
      id: 'COR-2',
      hearing: { requested: true, held: false },
      dates: { decided: '2026-10-06' },
    });
    await importActs(
      t.database,
      {
        batches: [
          [
            { line: 1, value: alone },
            { line: 2, value: noHearing },
          ],
        ],
      },
      { detect: true },
    );
    const found = await t.database.db
      .selectFrom('findings')
      .select(['actId', 'rule', 'agencyId', 'regionCode', 'officerId'])
      .where('actId', 'in', ['COR-1', 'COR-2'])
      .execute();
    finding = found.find((f) => f.actId === 'COR-1' && f.rule === 'fewer-than-two-officers')!;
    other = found.find((f) => f.actId === 'COR-2' && f.rule === 'hearing-not-held')!;
    expect(finding && other).toBeTruthy();
  });
  afterAll(async () => t?.close());

  const step = async (
    c: Client,
    id: string,
    action: string,
    version: number,
    body: object = {},
    expected = 200,
  ) => {
    const r = await c.post(`/api/v1/corrections/${id}/actions/${action}`, { version, ...body });
    expect(r.statusCode, `${action}: ${r.body}`).toBe(expected);
    return r;
  };

  it('sets a measure only in its jurisdiction, with a future due date, naming the field otherwise', async () => {
    const body = {
      source: 'finding',
      actId: finding.actId,
      rule: finding.rule,
      measure: '组织全员培训并建立复核制度',
      responsible: '法制科科长',
      dueOn: '2026-12-10',
    };
    const past = await sup.post('/api/v1/corrections', { ...body, dueOn: '2026-11-25' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields).toEqual([{ path: 'dueOn', message: '整改期限应晚于今天' }]);
    const county = await t.login('jxsfj');
    const foreign = await county.post('/api/v1/corrections', body);
    expect(foreign.statusCode).toBe(404);
    expect((await legal.post('/api/v1/corrections', body)).statusCode).toBe(403);
    const notDecided = await sup.post('/api/v1/corrections', {
      source: 'tolerance',
      applicationId: '00000000-0000-4000-8000-000000000000',
      measure: '完善制度',
      responsible: '某某',
      dueOn: '2026-12-10',
    });
    expect(notDecided.statusCode).toBe(404);
  });

  it('the agency reports; the re-check waits for the due date; a recurrence opens a lead, none clears', async () => {
    const base = {
      source: 'finding',
      measure: '组织全员培训并建立复核制度',
      responsible: '法制科科长',
      dueOn: '2026-12-10',
    };
    const m1 = (
      await sup.post('/api/v1/corrections', { ...base, actId: finding.actId, rule: finding.rule })
    ).json();
    const m2 = (
      await sup.post('/api/v1/corrections', { ...base, actId: other.actId, rule: other.rule })
    ).json();
    expect(m1).toMatchObject({
      state: 'open',
      agencyId: '529900-SCJ',
      rules: [finding.rule],
      since: '2026-11-25',
    });

    const early = await step(sup, m1.id, 'recheck', m1.version, {}, 400);
    expect(early.json().error.fields[0].path).toBe('dueOn');
    const reported = await step(legal, m1.id, 'report', m1.version, { note: '已组织培训，建立了复核制度。' });
    expect(reported.json().state).toBe('reported');

    // After the measure was set, the same agency repeats the fault of m1 (a later act, one officer).
    const later = act('penalty', {
      id: 'COR-3',
      officers: [{ id: 'O-0001', certificate: '52990000005', validUntil: '2027-06-30' }],
      dates: { decided: '2026-12-01' },
    });
    await importActs(t.database, { batches: [[{ line: 1, value: later }]] }, { detect: true });

    clock.set('2026-12-11');
    const r1 = await step(sup, m1.id, 'recheck', reported.json().version);
    expect(r1.json()).toMatchObject({ state: 'recurred', leadId: expect.any(String) });
    expect(r1.json().recheck.recurrences).toEqual([
      { actId: 'COR-3', rule: finding.rule, occurredOn: '2026-12-01' },
    ]);
    const lead = (await sup.get(`/api/v1/leads/${r1.json().leadId}`)).json();
    expect(lead).toMatchObject({ source: 'detection', agencyId: '529900-SCJ', status: 'new' });
    expect(lead.subject).toContain('整改到期复查');

    // The nightly path (every due measure) clears m2, whose fault did not recur.
    const due = await sup.post('/api/v1/corrections/recheck-due');
    expect(due.json()).toEqual({ checked: 1, recurred: 0 });
    expect((await sup.get(`/api/v1/corrections/${m2.id}`)).json().state).toBe('cleared');
    expect((await legal.get('/api/v1/corrections')).json().total).toBe(2);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', m1.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'correction.create',
      'correction.report',
      'correction.recheck',
    ]);
  });
});
