// The determination simulator (also a training tool): build a case — faults, the people on
// the approval chain with their conduct, circumstances and history, the agencies, severity —
// and see the rulebook's determination, every line linked to its article. The case is kept
// in the URL, so the address bar is a shareable link.
import { CodeOutlined, FileAddOutlined, LinkOutlined, ReadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Modal, Row, Skeleton, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import ArticleDrawer from '../../components/ArticleDrawer';
import { CitePreview } from '../../components/CiteLink';
import ActSection from '../../components/DeterminationForm/ActSection';
import AgenciesSection from '../../components/DeterminationForm/AgenciesSection';
import PeopleSection from '../../components/DeterminationForm/PeopleSection';
import { PageContainer } from '../../components/PageContainer';
import ResultPanel from '../../components/ResultPanel';
import { LoadError } from '../../components/Status';
import { useApi } from '../../hooks/useApi';
import { useVocabLabel } from '../../hooks/useVocabLabel';
import { type Translate, useIntl } from '../../locales/intl';
import { applyChanges, determine, getVocabulary, toRequest } from '../../services/determination';
import { ApiError } from '../../services/request';
import { getCatalog, getPacks } from '../../services/rulebook';
import { blankPerson, decodeCase, encodeCase, newCase, sampleCase } from '../../services/simulator-codec';
import type { Basis, CaseState, Determination, Role } from '../../types/determination';

/** `people[1].conduct[0]` → 人员 2 · conduct[0], for error messages. */
function humanPath(path: string, t: Translate): string {
  return path
    .replace(/^people\[(\d+)\]\.?/, (_, i) => `${t('pages.simulator.personN', { n: Number(i) + 1 })} · `)
    .replace(/^agencies\[(\d+)\]\.?/, (_, i) => `${t('pages.simulator.agencies')} ${Number(i) + 1} · `)
    .replace(/ · $/, '');
}

interface Outcome {
  data?: Determination;
  error?: unknown;
  loading: boolean;
}

function initialCase(params: URLSearchParams): CaseState {
  const faults = params.get('faults')?.split(',').filter(Boolean);
  return decodeCase(params.get('case')) ?? newCase({ faults, pack: params.get('pack') ?? undefined });
}

export default function SimulatorPage() {
  const { t } = useIntl();
  const { message, modal } = App.useApp();
  const _label = useVocabLabel();
  const [params, setParams] = useSearchParams();
  const [state, setState] = useState<CaseState>(() => initialCase(params));
  const [outcome, setOutcome] = useState<Outcome>({ loading: false });
  const [preview, setPreview] = useState<Basis | null>(null);
  const [jsonOpen, setJsonOpen] = useState(false);
  const seq = useRef(0);
  const vocabulary = useApi(() => getVocabulary(), []);
  const packs = useApi(() => getPacks(), []);
  const catalog = useApi(
    () => getCatalog({ pack: state.pack, on: state.occurredOn }),
    [state.pack, state.occurredOn],
  );

  const patch = (p: Partial<CaseState>) => setState((s) => ({ ...s, ...p }));

  // The URL follows the case (replacing, so Back leaves the simulator rather than undoing).
  useEffect(() => {
    const timer = window.setTimeout(() => setParams({ case: encodeCase(state) }, { replace: true }), 250);
    return () => window.clearTimeout(timer);
  }, [state, setParams]);

  // Determine as the case changes; only the latest answer counts.
  useEffect(() => {
    if (state.faults.length === 0 || (state.people.length === 0 && state.agencies.length === 0)) {
      setOutcome({ loading: false });
      return;
    }
    const mine = ++seq.current;
    setOutcome((o) => ({ ...o, loading: true }));
    const timer = window.setTimeout(() => {
      determine(state).then(
        (data) => mine === seq.current && setOutcome({ data, loading: false }),
        (error) => mine === seq.current && setOutcome({ error, loading: false }),
      );
    }, 300);
    return () => window.clearTimeout(timer);
  }, [state]);

  const agencyIds = useMemo(() => state.agencies.map((a) => a.id), [state.agencies]);

  const nextPersonId = () => {
    let n = state.people.length + 1;
    while (state.people.some((p) => p.id === `p${n}`)) n += 1;
    return `p${n}`;
  };
  const addPerson = (role: Role) =>
    patch({ people: [...state.people, blankPerson(nextPersonId(), role, state.agencies[0]?.id)] });
  const addChain = () => {
    const base = state.people.length;
    const roles: Role[] = ['handler', 'reviewer', 'approver'];
    patch({
      decision: 'approval',
      people: [
        ...state.people,
        ...roles.map((r, i) => blankPerson(`p${base + i + 1}`, r, state.agencies[0]?.id)),
      ],
    });
  };

  const copyLink = async () => {
    const url = `${window.location.origin}/simulator?case=${encodeCase(state)}`;
    try {
      await navigator.clipboard.writeText(url);
      message.success(t('common.linkCopied'));
    } catch {
      modal.info({
        title: t('common.copyLink'),
        content: <Typography.Paragraph copyable>{url}</Typography.Paragraph>,
      });
    }
  };

  if (vocabulary.error) return <LoadError error={vocabulary.error} onRetry={vocabulary.reload} />;
  const vocab = vocabulary.data;
  const catalogue = catalog.data?.items ?? [];
  const apiError = outcome.error instanceof ApiError ? outcome.error : null;

  return (
    <PageContainer
      testId="simulator-page"
      title={t('menu.simulator')}
      subTitle={t('pages.simulator.subtitle')}
      extra={
        <>
          <Button icon={<ReadOutlined />} onClick={() => setState(sampleCase())} data-testid="load-sample">
            {t('pages.simulator.sample')}
          </Button>
          <Button
            icon={<FileAddOutlined />}
            onClick={() =>
              modal.confirm({
                title: t('pages.simulator.resetConfirm'),
                onOk: () => setState(newCase({ pack: state.pack })),
              })
            }
          >
            {t('pages.simulator.reset')}
          </Button>
          <Button icon={<CodeOutlined />} onClick={() => setJsonOpen(true)}>
            {t('pages.simulator.json')}
          </Button>
          <Button type="primary" icon={<LinkOutlined />} onClick={copyLink} data-testid="copy-link">
            {t('common.copyLink')}
          </Button>
        </>
      }
    >
      {!vocab ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <CitePreview.Provider value={{ pack: state.pack, open: setPreview }}>
          <Row gutter={16}>
            <Col xs={24} xl={13}>
              <Flex vertical gap={16}>
                <ActSection
                  value={state}
                  onChange={patch}
                  vocabulary={vocab}
                  catalogue={catalogue}
                  packs={packs.data ?? []}
                />
                <PeopleSection
                  people={state.people}
                  onChange={(people) => patch({ people })}
                  onAddChain={addChain}
                  onAddPerson={addPerson}
                  agencies={agencyIds}
                  vocabulary={vocab}
                  catalogue={catalogue}
                  testIds={{ section: 'people-section', add: 'add-person' }}
                />
                <AgenciesSection
                  agencies={state.agencies}
                  vocabulary={vocab}
                  onChange={(agencies, renamed) =>
                    patch({
                      agencies,
                      people: renamed
                        ? state.people.map((p) =>
                            p.agency === renamed.from ? { ...p, agency: renamed.to } : p,
                          )
                        : state.people,
                    })
                  }
                />
              </Flex>
            </Col>
            <Col xs={24} xl={11}>
              <Card
                className="wz-result"
                variant="borderless"
                title={t('pages.simulator.result')}
                extra={outcome.loading && <Spin size="small" />}
                data-testid="result-card"
              >
                {state.faults.length === 0 ? (
                  <Empty description={t('pages.simulator.pickFaults')} />
                ) : apiError ? (
                  <Alert
                    type="error"
                    showIcon
                    title={apiError.message}
                    data-testid="determination-error"
                    description={
                      apiError.fields.length > 0 && (
                        <ul style={{ margin: 0, paddingLeft: 18 }}>
                          {apiError.fields.map((f) => (
                            <li key={`${f.path}-${f.message}`}>
                              {humanPath(f.path, t)}：{f.message}
                            </li>
                          ))}
                        </ul>
                      )
                    }
                  />
                ) : outcome.error ? (
                  <LoadError error={outcome.error} />
                ) : outcome.data ? (
                  <Spin spinning={outcome.loading} delay={300}>
                    <ResultPanel
                      result={outcome.data}
                      request={state}
                      onApply={(w) => setState((s) => applyChanges(s, w.changes))}
                    />
                  </Spin>
                ) : (
                  <Skeleton active />
                )}
              </Card>
            </Col>
          </Row>
          <ArticleDrawer
            basis={preview}
            selection={{ pack: state.pack, on: state.occurredOn }}
            onClose={() => setPreview(null)}
          />
        </CitePreview.Provider>
      )}
      <Modal
        open={jsonOpen}
        onCancel={() => setJsonOpen(false)}
        footer={null}
        width={720}
        title={t('pages.simulator.json')}
      >
        <Typography.Paragraph type="secondary">{t('pages.simulator.jsonHint')}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: JSON.stringify(toRequest(state), null, 2) }}>
          <pre style={{ maxHeight: 420, overflow: 'auto', fontSize: 12 }}>
            {JSON.stringify(toRequest(state), null, 2)}
          </pre>
        </Typography.Paragraph>
      </Modal>
    </PageContainer>
  );
}
