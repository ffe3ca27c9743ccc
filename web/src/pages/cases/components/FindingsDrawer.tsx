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
import { useEffect, useMemo, useRef, useState } from 'react';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useApiError } from '../../../hooks/useApiError';
import { type Translate, useIntl } from '../../../locales/intl';
import { chinaToday } from '../../../services/dates';
import { ApiError, type FieldError } from '../../../services/request';
import { getCatalog } from '../../rulebook/service';
import { blankPerson, newCase } from '../../simulator/codec';
import ActSection from '../../simulator/components/ActSection';
import AgenciesSection from '../../simulator/components/AgenciesSection';
import ArticleDrawer from '../../simulator/components/ArticleDrawer';
import { CitePreview } from '../../simulator/components/CiteLink';
import PeopleSection from '../../simulator/components/PeopleSection';
import ResultPanel from '../../simulator/components/ResultPanel';
import { useVocabLabel } from '../../simulator/labels';
import { applyChanges, determine, getVocabulary, toRequest } from '../../simulator/service';
import type { Basis, Determination, Role } from '../../simulator/types';
import { performAction } from '../service';
import { type CaseDetail, type Facts, OUTCOMES, type Outcome } from '../types';
import OfficerPicker from './OfficerPicker';

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
  const seq = useRef(0);
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
  }, [open]);

  const patch = (p: Partial<Facts>) => setFacts((f) => ({ ...f, ...p }));
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

  const submit = async () => {
    const missing = changed.filter(([, o]) => o.reason.trim().length < 4);
    if (missing.length > 0) {
      setProblems(
        missing.map(([id]) => ({
          path: `override:${id}`,
          message: t('pages.cases.findings.reasonRequired', { id }),
        })),
      );
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
  const width = typeof window === 'undefined' ? 1200 : Math.min(1280, window.innerWidth - 24);

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
      ) : !vocab ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <CitePreview.Provider value={{ pack: c.pack, open: setArticle }}>
          <Row gutter={16}>
            <Col xs={24} xl={13}>
              <Flex vertical gap={16}>
                <ActSection
                  value={facts}
                  onChange={patch}
                  vocabulary={vocab}
                  catalogue={catalogue}
                  packs={[]}
                  showPack={false}
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
                      <OfficerPicker
                        value={p.id}
                        agencyId={c.agencyId}
                        status={badPeople.has(i) ? 'error' : undefined}
                        onChange={(id, officer) => {
                          if (officer) setNames((n) => ({ ...n, [id]: officer.name }));
                          patch({ people: facts.people.map((x, j) => (j === i ? { ...x, id } : x)) });
                        }}
                        testId={`findings-officer-${i}`}
                      />
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
                    maxLength={10000}
                    showCount
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
                                status={o.reason.trim().length < 4 ? 'error' : undefined}
                                maxLength={1000}
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
