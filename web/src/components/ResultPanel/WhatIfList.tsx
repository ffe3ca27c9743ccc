// What would change a person's or agency's result: the smallest changes of the facts (one or two)
// that the engine found, each read as "若……，则……（条款）", with a button that writes the change
// into the case so its effect can be seen.
import { ExperimentOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { useVocabLabel, type VocabGroup } from '../../hooks/useVocabLabel';
import { type Translate, useIntl } from '../../locales/intl';
import type { CaseState, FactChange, HistoryEntry, WhatIf } from '../../types/determination';
import CiteLink from '../CiteLink';

type Label = ReturnType<typeof useVocabLabel>;

const PERSON_PATH = /^people\[(\d+)\]\.(conduct|circumstances|share|history)(?:\[(\d+)\]\.sanctioned)?$/;

/** One change in words: who, what is added, removed or set. */
export function describeChange(c: FactChange, request: CaseState, t: Translate, label: Label): string {
  const list = (group: VocabGroup, codes: string[]) => codes.map((x) => `「${label(group, x)}」`).join('、');
  const diff = (group: VocabGroup, who: string) => {
    const from = (c.from as string[]) ?? [];
    const to = (c.to as string[]) ?? [];
    const added = to.filter((x) => !from.includes(x));
    const removed = from.filter((x) => !to.includes(x));
    return [
      ...(added.length ? [t('pages.simulator.whatIfAdd', { who, what: list(group, added) })] : []),
      ...(removed.length ? [t('pages.simulator.whatIfRemove', { who, what: list(group, removed) })] : []),
    ].join(t('pages.simulator.whatIfAnd'));
  };
  const m = PERSON_PATH.exec(c.path);
  if (m) {
    const person = request.people[Number(m[1])];
    const who = person ? `${label('role', person.role)} ${person.id}` : c.path;
    if (m[2] === 'conduct') return diff('conduct', who);
    if (m[2] === 'circumstances') return diff('personal', who);
    if (m[2] === 'share')
      return t('pages.simulator.whatIfSet', {
        what: `${who}${t('pages.simulator.share')}`,
        value: label('share', String(c.to)),
      });
    if (m[3] !== undefined) {
      const entry = person?.history[Number(m[3])];
      return t('pages.simulator.whatIfSanctioned', {
        who,
        date: entry?.date ?? '',
        state: t(c.to ? 'pages.simulator.sanctioned' : 'pages.simulator.notSanctioned'),
      });
    }
    const from = (c.from as HistoryEntry[]) ?? [];
    const to = (c.to as HistoryEntry[]) ?? [];
    if (to.length > from.length) return t('pages.simulator.whatIfHistoryAdd', { who });
    const gone = from.find((h) => !to.includes(h)) ?? from.find((h, i) => to[i]?.date !== h.date);
    return t('pages.simulator.whatIfHistoryRemove', { who, date: gone?.date ?? '' });
  }
  const sev = /^severity\.(nature|harm|impact)$/.exec(c.path);
  if (sev) {
    const field = sev[1] as 'nature' | 'harm' | 'impact';
    return t('pages.simulator.whatIfSet', {
      what: t(`pages.simulator.${field}`),
      value: label(field, String(c.to)),
    });
  }
  if (c.path === 'decision')
    return t('pages.simulator.whatIfSet', {
      what: t('pages.simulator.decision'),
      value: label('decision', String(c.to)),
    });
  if (c.path === 'circumstances') return diff('act', t('pages.simulator.theAct'));
  return `${c.path} → ${JSON.stringify(c.to)}`;
}

export default function WhatIfList({
  items,
  request,
  onApply,
}: {
  items: WhatIf[];
  request: CaseState;
  /** Writes the change into the case (the simulator); absent where the case is not editable here. */
  onApply?: (w: WhatIf) => void;
}) {
  const { t } = useIntl();
  const label = useVocabLabel();
  if (items.length === 0)
    return <Typography.Text type="secondary">{t('pages.simulator.whatIfNone')}</Typography.Text>;
  return (
    <ol className="wz-whatif" style={{ margin: 0, paddingLeft: 18 }} data-testid="what-if">
      {items.map((w) => {
        const when = w.changes
          .map((c) => describeChange(c, request, t, label))
          .join(t('pages.simulator.whatIfAnd'));
        const result = [
          label('outcome', w.outcome),
          ...(w.sanctions ? [label('sanction', w.sanctions.recommended)] : []),
          ...(w.measures?.length ? [w.measures.map((x) => label('measure', x)).join('、')] : []),
        ].join('，');
        return (
          <li key={JSON.stringify(w.changes)} data-testid="what-if-item" data-outcome={w.outcome}>
            <Flex gap={6} wrap align="center">
              <span>
                {t('pages.simulator.whatIfIf')}
                {when}
                {t('pages.simulator.whatIfThen')}
              </span>
              <Tag color={w.outcome === 'not_liable' ? 'green' : w.outcome === 'pursue' ? 'red' : 'orange'}>
                {result}
              </Tag>
              <CiteLink basis={w.cite} />
              {onApply && (
                <Tooltip title={t('pages.simulator.whatIfApplyHint')}>
                  <Button
                    size="small"
                    type="link"
                    icon={<ExperimentOutlined />}
                    onClick={() => onApply(w)}
                    data-testid="what-if-apply"
                  >
                    {t('pages.simulator.whatIfApply')}
                  </Button>
                </Tooltip>
              )}
            </Flex>
          </li>
        );
      })}
    </ol>
  );
}
