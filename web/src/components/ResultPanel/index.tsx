// The determination: per person the outcome, basis, adjustments (those the text leaves to the
// authority, "可以", marked), sanction forms (the ladder's recommendation marked as such) and
// referrals; per agency its measures; for each, what would change the result; and the
// explanation, every line with links to the articles it cites.
import { StarFilled } from '@ant-design/icons';
import { Card, Descriptions, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useVocabLabel } from '../../hooks/useVocabLabel';
import { useIntl } from '../../locales/intl';
import { browserHref, citesInText, itemAnchor } from '../../services/cite';
import type {
  AgencyResult,
  CaseState,
  Determination,
  ExplanationLine,
  Outcome,
  PersonResult,
  WhatIf,
} from '../../types/determination';
import CiteLink from '../CiteLink';
import WhatIfList from './WhatIfList';

const OUTCOME_COLORS: Record<Outcome, string> = {
  pursue: 'red',
  may_not_pursue: 'orange',
  not_liable: 'green',
};

function OutcomeTag({ outcome }: { outcome: Outcome }) {
  const label = useVocabLabel();
  return (
    <Tag
      color={OUTCOME_COLORS[outcome]}
      data-testid="outcome"
      data-outcome={outcome}
      style={{ marginInlineEnd: 0 }}
    >
      {label('outcome', outcome)}
    </Tag>
  );
}

interface WhatIfProps {
  request: CaseState;
  onApply?: (w: WhatIf) => void;
}

function PersonBlock({
  p,
  role,
  name,
  whatIf,
}: {
  p: PersonResult;
  role: string;
  name?: string;
  whatIf: WhatIfProps;
}) {
  const { t } = useIntl();
  const label = useVocabLabel();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const items: { key: string; label: string; children: ReactNode }[] = [
    {
      key: 'basis',
      label: t('pages.simulator.basis'),
      children: p.basis.length ? p.basis.map((b) => <CiteLink key={JSON.stringify(b)} basis={b} />) : none,
    },
    { key: 'share', label: t('pages.simulator.share'), children: label('share', p.share) },
    {
      key: 'adj',
      label: t('pages.simulator.adjustments'),
      children: p.adjustments.length
        ? p.adjustments.map((a) => (
            <span key={`${a.kind}-${a.article}-${a.clause ?? ''}`} style={{ marginRight: 8 }}>
              <Tag color={a.kind === 'aggravate' ? 'volcano' : 'cyan'}>{label('adjustment', a.kind)}</Tag>
              {a.discretionary && (
                <Tooltip title={t('pages.simulator.discretionaryHint')}>
                  <Tag data-testid="discretionary">{t('pages.simulator.discretionary')}</Tag>
                </Tooltip>
              )}
              <CiteLink basis={{ article: a.article, clause: a.clause }} />
            </span>
          ))
        : none,
    },
    {
      key: 'sanctions',
      label: t('pages.simulator.sanctions'),
      children: p.sanctions ? (
        <Flex gap={4} wrap align="center">
          {p.sanctions.forms.map((f) => (
            <Tag
              key={f}
              color={f === p.sanctions!.recommended ? 'blue' : undefined}
              icon={f === p.sanctions!.recommended ? <StarFilled /> : undefined}
              data-testid="sanction"
              data-recommended={f === p.sanctions!.recommended}
            >
              {label('sanction', f)}
            </Tag>
          ))}
          <CiteLink basis={{ article: p.sanctions.article, clause: p.sanctions.clause }} />
          <Tooltip title={t('pages.simulator.recommendedHint')}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="recommendation-note">
              <StarFilled /> {t('pages.simulator.recommended')}
            </Typography.Text>
          </Tooltip>
        </Flex>
      ) : (
        none
      ),
    },
    {
      key: 'ref',
      label: t('pages.simulator.referrals'),
      children: p.referrals.length
        ? p.referrals.map((r) => (
            <Tag color="magenta" key={r}>
              {label('referral', r)}
            </Tag>
          ))
        : none,
    },
    ...(p.whatIf
      ? [
          {
            key: 'whatIf',
            label: t('pages.simulator.whatIf'),
            children: <WhatIfList items={p.whatIf} request={whatIf.request} onApply={whatIf.onApply} />,
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      type="inner"
      data-testid="person-result"
      title={
        <Flex gap={8} align="center">
          <span>
            {label('role', role)} {name ? `${name}（${p.id}）` : p.id}
          </span>
          <OutcomeTag outcome={p.outcome} />
        </Flex>
      }
    >
      <Descriptions size="small" column={1} items={items} styles={{ label: { width: 96 } }} />
    </Card>
  );
}

function AgencyBlock({ a, whatIf }: { a: AgencyResult; whatIf: WhatIfProps }) {
  const { t } = useIntl();
  const label = useVocabLabel();
  return (
    <Card
      size="small"
      type="inner"
      data-testid="agency-result"
      title={
        <Flex gap={8} align="center">
          <span>
            {t('pages.simulator.agencyId')} {a.id}
          </span>
          <OutcomeTag outcome={a.outcome} />
        </Flex>
      }
    >
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 96 } }}
        items={[
          {
            key: 'basis',
            label: t('pages.simulator.basis'),
            children: a.basis.length
              ? a.basis.map((b) => <CiteLink key={JSON.stringify(b)} basis={b} />)
              : t('common.none'),
          },
          {
            key: 'measures',
            label: t('pages.simulator.measures'),
            children: a.measures.length
              ? a.measures.map((m) => (
                  <Tag color="orange" key={m}>
                    {label('measure', m)}
                  </Tag>
                ))
              : t('common.none'),
          },
          ...(a.whatIf
            ? [
                {
                  key: 'whatIf',
                  label: t('pages.simulator.whatIf'),
                  children: <WhatIfList items={a.whatIf} request={whatIf.request} onApply={whatIf.onApply} />,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export default function ResultPanel({
  result,
  request,
  names,
  onApply,
}: {
  result: Determination;
  request: CaseState;
  /** People's names by id, when the ids are officer numbers (a case's findings). */
  names?: Record<string, string>;
  /** Writes a what-if change into the case being edited. */
  onApply?: (w: WhatIf) => void;
}) {
  const { t } = useIntl();
  const roleOf = new Map(request.people.map((p) => [p.id, p.role]));
  const lines: ExplanationLine[] =
    result.lines ?? result.explanation.map((text) => ({ subject: null, text, cites: [] }));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="determination">
      <Flex gap={6} wrap align="center">
        <Typography.Text type="secondary">{t('pages.simulator.faultsFound')}</Typography.Text>
        {result.faults.map((f) => (
          <a key={f.code} href={browserHref(itemAnchor(f.code), request.pack)} title={f.text}>
            <Tag color="purple">
              {f.code} {f.text}
            </Tag>
          </a>
        ))}
      </Flex>
      {result.persons.map((p) => (
        <PersonBlock
          key={p.id}
          p={p}
          role={roleOf.get(p.id) ?? 'officer'}
          name={names?.[p.id]}
          whatIf={{ request, onApply }}
        />
      ))}
      {result.agencies.map((a) => (
        <AgencyBlock key={a.id} a={a} whatIf={{ request, onApply }} />
      ))}
      <Card size="small" type="inner" title={t('pages.simulator.explanation')} data-testid="explanation">
        <ol className="wz-explanation">
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the explanation is an ordered list that is replaced whole
            <li key={i} data-testid="explanation-line">
              <span>{l.text}</span>
              <span className="wz-explanation-cites">
                {(l.cites.length > 0 ? l.cites : citesInText(l.text)).map((b) => (
                  <CiteLink key={JSON.stringify(b)} basis={b} />
                ))}
              </span>
            </li>
          ))}
        </ol>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('pages.simulator.rulesUsed', { pack: result.pack, version: result.version })}
        </Typography.Text>
      </Card>
    </Space>
  );
}
