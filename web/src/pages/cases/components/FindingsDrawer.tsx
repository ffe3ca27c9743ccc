import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Empty,
  Flex,
  Input,
  Row,
  Select,
  Skeleton,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import ArticleDrawer from '../../../components/ArticleDrawer';
import { CitePreview } from '../../../components/CiteLink';
import ActSection from '../../../components/DeterminationForm/ActSection';
import AgenciesSection from '../../../components/DeterminationForm/AgenciesSection';
import PeopleSection from '../../../components/DeterminationForm/PeopleSection';
import OfficerPicker from '../../../components/OfficerPicker';
import ResultPanel from '../../../components/ResultPanel';
import { LoadError } from '../../../components/Status';
import { textLimit } from '../../../components/textLimit';
import { useApi } from '../../../hooks/useApi';
import { useApiError } from '../../../hooks/useApiError';
import { usePhone } from '../../../hooks/usePhone';
import { useVocabLabel } from '../../../hooks/useVocabLabel';
import { type Translate, useIntl } from '../../../locales/intl';
import { performAction } from '../../../services/cases';
import { chinaToday } from '../../../services/dates';
import { applyChanges, determine, getVocabulary, toRequest } from '../../../services/determination';
import { type FindingsPrefill, getLeadFacts, otherAgency, prefillFacts } from '../../../services/lead-facts';
import { ApiError, type FieldError } from '../../../services/request';
import { getCatalog } from '../../../services/rulebook';
import { blankPerson, newCase } from '../../../services/simulator-codec';
import { type CaseDetail, type Facts, OUTCOMES, type Outcome } from '../../../types/case';
import type { Basis, Determination, Role } from '../../../types/determination';
import AttributionCard from './AttributionCard';

interface OverrideDraft {
  outcome?: Outcome;
  reason: string;
}

/** The case's recorded facts, or a new request: one handler of the case's agency. */
export function initialFacts(c: CaseDetail): Facts {
  const base = newCase({ pack: c.pack });
  if (c.facts) {
    const { pack: _pack, ...f } = c.facts;
    return {
      ...base,
      ...f,
      pack: c.pack,
      people: (f.people ?? []).map((p) => ({ ...blankPerson(p.id), ...p })),
      agencies: f.agencies ?? [],
      severity: { ...base.severity, ...f.severity },
      suspected: { ...base.suspected, ...f.suspected },
    };
  }
  return {
    ...base,
    occurredOn: chinaToday(),
    people: [blankPerson('', 'handler', c.agencyId)],
    agencies: [{ id: c.agencyId, triggers: [] }],
  };
}

/** `facts.people[1].id` → 人员 2 · id; `overrides[0].reason` → 改变结论 1 · reason. */
export function findingsPath(path: string, t: Translate): string {
  return path
    .replace(/^facts\./, '')
    .replace(/^people\[(\d+)\]\.?/, (_, i) => `${t('pages.simulator.personN', { n: Number(i) + 1 })} · `)
    .replace(/^agencies\[(\d+)\]\.?/, (_, i) => `${t('pages.simulator.agencies')} ${Number(i) + 1} · `)
    .replace(/^overrides\[(\d+)\]\.?/, (_, i) => `${t('pages.cases.findings.override')} ${Number(i) + 1} · `)
    .replace(/ · $/, '');
}

/** 已根据线索预填：违法事项 penalty.04（…）、执法行为 A-…、执法人员 张三（O-0001）、… */
export function prefillNote(p: FindingsPrefill, t: Translate): string {
  const parts = [
    ...(p.fault
      ? [
          t('pages.cases.leadFacts.fault', {
            code: p.fault.code,
            text: p.fault.text ? `（${p.fault.text}）` : '',
          }),
        ]
      : []),
    t('pages.cases.leadFacts.act', { id: p.actId }),
    ...(p.people.length > 0
      ? [
          t('pages.cases.leadFacts.officers', {
            names: p.people
              .map((x) => (x.name ? `${x.name}（${x.id}）` : x.id))
              .join(t('pages.cases.leadFacts.sep')),
          }),
        ]
      : []),
  ];
  return t('pages.cases.leadFacts.prefilled', { parts: parts.join(t('pages.cases.leadFacts.sep')) });
}

interface Props {
  c: CaseDetail;
  open: boolean;
  onClose(): void;
  onDone(updated: CaseDetail): void;
  onReload(): void;
}

export default function FindingsDrawer({ c, open, onClose, onDone, onReload }: Props) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const label = useVocabLabel();
  const [facts, setFacts] = useState<Facts>(() => initialFacts(c));
  const [findingsText, setFindingsText] = useState(c.findingsText ?? '');
  const [overrides, setOverrides] = useState<Record<string, OverrideDraft>>(() =>
    Object.fromEntries(c.overrides.map((o) => [o.personId, { outcome: o.outcome, reason: o.reason }])),
  );
  const [preview, setPreview] = useState<{ data?: Determination; error?: unknown; loading: boolean }>({
    loading: false,
  });
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const [article, setArticle] = useState<Basis | null>(null);
  // Officers' names for the preview, as they are picked.
  const [names, setNames] = useState<Record<string, string>>(() =>
    Object.fromEntries(c.persons.map((p) => [p.officerId, p.name])),
  );
  // The register's agency of each officer picked or suggested, against the act's agency.
  const [officerAgencies, setOfficerAgencies] = useState<
    Record<string, { agencyId: string; agencyName: string }>
  >({});
  const [prefilled, setPrefilled] = useState(false);
  const seq = useRef(0);
  // A case from a detection lead: what the lead and its act know (never an obstacle: errors are ignored).
  const leadFacts = useApi(
    () => (open && c.source === 'detection' ? getLeadFacts(c.id).catch(() => null) : Promise.resolve(null)),
    [open, c.id, c.source],
  );
  const prefill = leadFacts.data?.prefill ?? null;
  const waitingForLead = open && c.source === 'detection' && !c.facts && leadFacts.loading;
  const vocabulary = useApi(() => (open ? getVocabulary() : Promise.resolve(undefined)), [open]);
  const catalog = useApi(
    () => (open ? getCatalog({ pack: c.pack, on: facts.occurredOn }) : Promise.resolve(undefined)),
    [open, c.pack, facts.occurredOn],
  );

  // Start from the case as it is each time the editor opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only on opening
  useEffect(() => {
    if (!open) return;
    setFacts(initialFacts(c));
    setFindingsText(c.findingsText ?? '');
    setOverrides(
      Object.fromEntries(c.overrides.map((o) => [o.personId, { outcome: o.outcome, reason: o.reason }])),
    );
    setProblems([]);
    setPrefilled(false);
  }, [open]);

  // No facts recorded yet: start from what the lead knows (the form waits for it, see waitingForLead).
  // biome-ignore lint/correctness/useExhaustiveDependencies: applied once, when the lead's facts arrive
  useEffect(() => {
    if (!open || !prefill) return;
    setOfficerAgencies((m) => ({
      ...m,
      ...Object.fromEntries(
        prefill.people.flatMap((p) =>
          p.agencyId && p.agencyName ? [[p.id, { agencyId: p.agencyId, agencyName: p.agencyName }]] : [],
        ),
      ),
    }));
    if (c.facts) return;
    setFacts(prefillFacts(c, prefill, chinaToday()));
    setNames((n) => ({
      ...n,
      ...Object.fromEntries(prefill.people.flatMap((p) => (p.name ? [[p.id, p.name]] : []))),
    }));
    setPrefilled(true);
  }, [prefill]);

  const knowAgency = (o: { id: string; agencyId: string; agencyName: string }) =>
    setOfficerAgencies((m) =>
      m[o.id]?.agencyId === o.agencyId
        ? m
        : { ...m, [o.id]: { agencyId: o.agencyId, agencyName: o.agencyName } },
    );

  const patch = (p: Partial<Facts>) => setFacts((f) => ({ ...f, ...p }));
  // The attribution's officers (by post) into the request, with their names for the preview.
  const adoptAttribution = useCallback((p: Partial<Facts>, named: Record<string, string>) => {
    setFacts((f) => ({ ...f, ...p }));
    setNames((n) => ({ ...n, ...named }));
  }, []);
  const ready = facts.faults.length > 0 && facts.people.length > 0 && facts.people.every((p) => p.id);

  // The rulebook's answer as the facts change; only the latest counts.
  useEffect(() => {
    if (!open || !ready) {
      setPreview({ loading: false });
      return;
    }
    const mine = ++seq.current;
    setPreview((o) => ({ ...o, loading: true }));
    const timer = window.setTimeout(() => {
      determine(facts).then(
        (data) => mine === seq.current && setPreview({ data, loading: false }),
        (error) => mine === seq.current && setPreview({ error, loading: false }),
      );
    }, 300);
    return () => window.clearTimeout(timer);
  }, [facts, open, ready]);

  const agencyIds = useMemo(() => facts.agencies.map((a) => a.id), [facts.agencies]);
  const badPeople = new Set(
    problems.flatMap((p) => {
      const m = /^facts\.people\[(\d+)\]\.id$/.exec(p.path);
      return m ? [Number(m[1])] : [];
    }),
  );

  const addPerson = (role: Role) => patch({ people: [...facts.people, blankPerson('', role, c.agencyId)] });
  const addChain = () =>
    patch({
      decision: 'approval',
      people: [
        ...facts.people,
        ...(['handler', 'reviewer', 'approver'] as Role[]).map((r) => blankPerson('', r, c.agencyId)),
      ],
    });

  const engine = new Map((preview.data?.persons ?? []).map((p) => [p.id, p.outcome]));
  const changed = Object.entries(overrides).filter(
    ([id, o]) => o.outcome && engine.has(id) && o.outcome !== engine.get(id),
  );

  // The server's limits (src/server/cases/actions.ts record_findings).
  const textMax = textLimit(10000, t);
  const reasonMax = textLimit(1000, t);

  const submit = async () => {
    const missing = changed.filter(([, o]) => o.reason.trim().length < 4);
    const tooLong: FieldError[] = [
      ...(textMax.over(findingsText)
        ? [{ path: '', message: `${t('pages.cases.findings.text')}：${textMax.message(findingsText)}` }]
        : []),
      ...changed
        .filter(([, o]) => reasonMax.over(o.reason))
        .map(([id, o]) => ({ path: `override:${id}`, message: `${id}：${reasonMax.message(o.reason)}` })),
    ];
    if (missing.length > 0 || tooLong.length > 0) {
      setProblems([
        ...missing.map(([id]) => ({
          path: `override:${id}`,
          message: t('pages.cases.findings.reasonRequired', { id }),
        })),
        ...tooLong,
      ]);
      return;
    }
    const { pack: _pack, ...request } = toRequest(facts);
    setSaving(true);
    setProblems([]);
    try {
      const updated = await performAction(c.id, 'record_findings', c.version, {
        facts: request,
        findingsText: findingsText.trim() || undefined,
        overrides: changed.map(([personId, o]) => ({
          personId,
          outcome: o.outcome,
          reason: o.reason.trim(),
        })),
      });
      message.success(t('pages.cases.actionDone', { action: t('pages.cases.action.record_findings') }));
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400)
        setProblems(e.fields.length ? e.fields : [{ path: '', message: e.message }]);
      else showError(e, { onReload });
    } finally {
      setSaving(false);
    }
  };

  const vocab = vocabulary.data;
  const catalogue = catalog.data?.items ?? [];
  const previewError = preview.error instanceof ApiError ? preview.error : null;
  const phone = usePhone();
  const width = phone
    ? '100%'
    : typeof window === 'undefined'
      ? 1200
      : Math.min(1280, window.innerWidth - 24);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={width}
      title={t('pages.cases.action.record_findings')}
      destroyOnHidden
      data-testid="findings-drawer"
      // The server's objections stay in view however far the form is scrolled.
      footer={
        problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('pages.cases.findings.problems')}
            data-testid="findings-problems"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {problems.map((p) => (
                  <li key={`${p.path}-${p.message}`}>
                    {p.path && !p.path.startsWith('override:') ? `${findingsPath(p.path, t)}：` : ''}
                    {p.message}
                  </li>
                ))}
              </ul>
            }
          />
        )
      }
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={saving}
            onClick={submit}
            disabled={!ready}
            data-testid="findings-submit"
          >
            {t('pages.cases.findings.submit')}
          </Button>
        </Flex>
      }
    >
      {vocabulary.error ? (
        <LoadError error={vocabulary.error} onRetry={vocabulary.reload} />
      ) : !vocab || waitingForLead ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <CitePreview.Provider value={{ pack: c.pack, open: setArticle }}>
          <Row gutter={16}>
            <Col xs={24} xl={13}>
              <Flex vertical gap={16}>
                {prefilled && prefill && (
                  <Alert
                    type="info"
                    showIcon
                    title={prefillNote(prefill, t)}
                    description={[
                      prefill.ruleLabel && t('pages.cases.leadFacts.rule', { rule: prefill.ruleLabel }),
                      prefill.basis && t('pages.cases.leadFacts.basis', { basis: prefill.basis }),
                      t('pages.cases.leadFacts.check'),
                    ]
                      .filter(Boolean)
                      .join(t('pages.cases.leadFacts.gap'))}
                    data-testid="findings-prefill-note"
                  />
                )}
                <ActSection
                  value={facts}
                  onChange={patch}
                  vocabulary={vocab}
                  catalogue={catalogue}
                  packs={[]}
                  showPack={false}
                />
                <AttributionCard
                  caseId={c.id}
                  facts={facts}
                  prefill={prefilled && prefill ? prefill.faults : null}
                  onAdopt={adoptAttribution}
                />
                <PeopleSection
                  people={facts.people}
                  onChange={(people) => patch({ people })}
                  onAddChain={addChain}
                  onAddPerson={addPerson}
                  agencies={agencyIds}
                  vocabulary={vocab}
                  catalogue={catalogue}
                  testIds={{ section: 'findings-people', add: 'findings-add-person' }}
                  identity={(p, i) => ({
                    label: t('pages.cases.findings.officer'),
                    field: (
                      <Flex vertical gap={6}>
                        <OfficerPicker
                          value={p.id}
                          agencyId={c.agencyId}
                          status={badPeople.has(i) ? 'error' : undefined}
                          onChange={(id, officer) => {
                            if (officer) {
                              setNames((n) => ({ ...n, [id]: officer.name }));
                              knowAgency(officer);
                            }
                            patch({ people: facts.people.map((x, j) => (j === i ? { ...x, id } : x)) });
                          }}
                          onResolve={knowAgency}
                          testId={`findings-officer-${i}`}
                        />
                        {prefill && p.id && otherAgency(officerAgencies[p.id], prefill.agency.id) && (
                          <Alert
                            type="warning"
                            showIcon
                            title={t('pages.cases.leadFacts.otherAgency', {
                              agency: prefill.agency.name ?? prefill.agency.id,
                              own: officerAgencies[p.id]?.agencyName ?? '',
                            })}
                            data-testid={`findings-other-agency-${i}`}
                          />
                        )}
                      </Flex>
                    ),
                  })}
                />
                <AgenciesSection
                  agencies={facts.agencies}
                  vocabulary={vocab}
                  onChange={(agencies, renamed) =>
                    patch({
                      agencies,
                      people: renamed
                        ? facts.people.map((p) =>
                            p.agency === renamed.from ? { ...p, agency: renamed.to } : p,
                          )
                        : facts.people,
                    })
                  }
                />
                <Card title={t('pages.cases.findings.text')} variant="borderless" size="small">
                  <Input.TextArea
                    value={findingsText}
                    onChange={(e) => setFindingsText(e.target.value)}
                    count={textMax.count}
                    autoSize={{ minRows: 4, maxRows: 12 }}
                    placeholder={t('pages.cases.findings.textPlaceholder')}
                    data-testid="findings-text"
                  />
                </Card>
              </Flex>
            </Col>
            <Col xs={24} xl={11}>
              <Flex vertical gap={16}>
                <Card
                  variant="borderless"
                  size="small"
                  title={t('pages.cases.findings.preview')}
                  extra={preview.loading && <Spin size="small" />}
                  data-testid="findings-preview"
                >
                  {!ready ? (
                    <Empty description={t('pages.cases.findings.previewEmpty')} />
                  ) : previewError ? (
                    <Alert
                      type="error"
                      showIcon
                      title={previewError.message}
                      description={
                        previewError.fields.length > 0 && (
                          <ul style={{ margin: 0, paddingLeft: 18 }}>
                            {previewError.fields.map((f) => (
                              <li key={`${f.path}-${f.message}`}>
                                {findingsPath(f.path, t)}：{f.message}
                              </li>
                            ))}
                          </ul>
                        )
                      }
                    />
                  ) : preview.error ? (
                    <LoadError error={preview.error} />
                  ) : preview.data ? (
                    <ResultPanel
                      result={preview.data}
                      request={facts}
                      names={names}
                      onApply={(w) => setFacts((f) => applyChanges(f, w.changes))}
                    />
                  ) : (
                    <Skeleton active />
                  )}
                </Card>
                {preview.data && preview.data.persons.length > 0 && (
                  <Card
                    variant="borderless"
                    size="small"
                    title={t('pages.cases.findings.overrides')}
                    data-testid="findings-overrides"
                  >
                    <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
                      {t('pages.cases.findings.overridesHint')}
                    </Typography.Paragraph>
                    <Flex vertical gap={12}>
                      {preview.data.persons.map((p) => {
                        const o = overrides[p.id] ?? { reason: '' };
                        const set = (next: Partial<OverrideDraft>) =>
                          setOverrides((all) => ({ ...all, [p.id]: { ...o, ...next } }));
                        const active = o.outcome && o.outcome !== p.outcome;
                        return (
                          <Flex key={p.id} vertical gap={6}>
                            <Flex gap={8} align="center" wrap>
                              <Typography.Text strong>
                                {names[p.id] ? `${names[p.id]}（${p.id}）` : p.id}
                              </Typography.Text>
                              <Tag>
                                {t('pages.cases.findings.engineSays', {
                                  outcome: label('outcome', p.outcome),
                                })}
                              </Tag>
                              <Select
                                allowClear
                                size="small"
                                value={active ? o.outcome : undefined}
                                placeholder={t('pages.cases.findings.keep')}
                                onChange={(outcome) => set({ outcome })}
                                options={OUTCOMES.filter((x) => x !== p.outcome).map((x) => ({
                                  value: x,
                                  label: label('outcome', x),
                                }))}
                                style={{ width: 160 }}
                                data-testid={`override-${p.id}`}
                              />
                            </Flex>
                            {active && (
                              <Input.TextArea
                                value={o.reason}
                                onChange={(e) => set({ reason: e.target.value })}
                                status={
                                  o.reason.trim().length < 4 || reasonMax.over(o.reason) ? 'error' : undefined
                                }
                                count={reasonMax.count}
                                autoSize={{ minRows: 2, maxRows: 6 }}
                                placeholder={t('pages.cases.findings.reasonPlaceholder')}
                                data-testid={`override-reason-${p.id}`}
                              />
                            )}
                          </Flex>
                        );
                      })}
                    </Flex>
                  </Card>
                )}
              </Flex>
            </Col>
          </Row>
          <ArticleDrawer
            basis={article}
            selection={{ pack: c.pack, on: facts.occurredOn }}
            onClose={() => setArticle(null)}
          />
        </CitePreview.Provider>
      )}
    </Drawer>
  );
}
