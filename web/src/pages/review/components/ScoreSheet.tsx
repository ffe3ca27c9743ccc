// The score sheet of one file: the rubric's veto items as checkboxes (checked: the file meets it;
// unchecked: failed, with a note), then the 卷面 and 内容 items, each with the number of defects found
// and a note; the total and the grade are computed as you mark, in the browser, by the same core
// code that scores on the server (`scoreFile`: a failed veto is 0 and 不合格, deductions never below
// zero, a basic element's defect bars 优秀).
import { SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Divider,
  Flex,
  Input,
  InputNumber,
  Progress,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { REVIEW_SECTIONS } from '../../../../../src/core/review/rubric';
import { type FileScore, scoreFile } from '../../../../../src/core/review/score';
import { textLimit } from '../../../components/textLimit';
import { useIntl } from '../../../locales/intl';
import type { ActKind, Marks, ReviewRubric } from '../types';
import { GradeTag } from './Tags';

export interface Sheet {
  /** Failed veto items and their notes. */
  failed: Record<string, string>;
  /** Defects found per item: count and note. */
  defects: Record<string, { count: number; note: string }>;
}

export function sheetOf(marks: Marks | null): Sheet {
  const sheet: Sheet = { failed: {}, defects: {} };
  for (const v of marks?.vetoes ?? []) sheet.failed[v.item] = v.note;
  for (const d of marks?.deductions ?? []) {
    const prev = sheet.defects[d.item];
    sheet.defects[d.item] = prev
      ? { count: prev.count + d.count, note: `${prev.note}；${d.note}` }
      : { count: d.count, note: d.note };
  }
  return sheet;
}

/** The marks of a sheet; `placeholder` stands for a note not written yet (for the live score). */
export function marksOf(sheet: Sheet, placeholder?: string): Marks {
  const note = (n: string) => (placeholder !== undefined ? n.trim() || placeholder : n.trim());
  return {
    vetoes: Object.entries(sheet.failed).map(([item, n]) => ({ item, note: note(n) })),
    deductions: Object.entries(sheet.defects)
      .filter(([, d]) => d.count > 0)
      .map(([item, d]) => ({ item, count: d.count, note: note(d.note) })),
  };
}

/** The notes missing from a sheet, by item. */
export function missingNotes(sheet: Sheet): Set<string> {
  const missing = new Set<string>();
  for (const [item, n] of Object.entries(sheet.failed)) if (!n.trim()) missing.add(item);
  for (const [item, d] of Object.entries(sheet.defects)) if (d.count > 0 && !d.note.trim()) missing.add(item);
  return missing;
}

export function LiveScore({ score, testPrefix }: { score: FileScore | null; testPrefix: string }) {
  const { t } = useIntl();
  if (!score) return null;
  return (
    <Flex vertical gap={8}>
      <Flex align="baseline" gap={12} wrap>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid={`${testPrefix}-total`}>
          {score.total}
        </Typography.Title>
        <Typography.Text type="secondary">{t('pages.review.points')}</Typography.Text>
        <GradeTag grade={score.grade} testId={`${testPrefix}-grade`} />
        {score.basicDefect && !score.vetoed && <Tag color="orange">{t('pages.review.basicDefect')}</Tag>}
      </Flex>
      {score.sections.map((s) => (
        <Flex key={s.section} align="center" gap={8}>
          <span style={{ width: 48 }}>{s.label}</span>
          <Progress
            percent={s.max === 0 ? 0 : (100 * s.score) / s.max}
            showInfo={false}
            size="small"
            status={score.vetoed ? 'exception' : 'normal'}
            style={{ flex: 1, margin: 0 }}
          />
          <span style={{ width: 80, textAlign: 'right' }}>
            {s.score} / {s.max}
          </span>
        </Flex>
      ))}
      <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={`${testPrefix}-reasons`}>
        {score.reasons.map((r) => (
          <li key={r}>
            <Typography.Text type="secondary">{r}</Typography.Text>
          </li>
        ))}
      </ul>
    </Flex>
  );
}

export default function ScoreSheet({
  rubric,
  act,
  kind,
  initial,
  editable,
  saving,
  onSave,
  saveLabel,
}: {
  rubric: ReviewRubric;
  act: string;
  kind: ActKind;
  initial: Sheet;
  editable: boolean;
  saving: boolean;
  onSave(marks: Marks): void;
  /** The save button's text (default: save the score). */
  saveLabel?: string;
}) {
  const { t } = useIntl();
  const noteLimit = textLimit(2000, t);
  const [sheet, setSheet] = useState<Sheet>(initial);
  const [checked, setChecked] = useState(false);
  const live = useMemo(() => {
    try {
      return scoreFile(rubric, { act, kind, ...marksOf(sheet, '—') });
    } catch {
      return null;
    }
  }, [rubric, act, kind, sheet]);
  const missing = missingNotes(sheet);
  const showMissing = (item: string) => checked && missing.has(item);

  const setVeto = (item: string, meets: boolean) =>
    setSheet((s) => {
      const failed = { ...s.failed };
      if (meets) delete failed[item];
      else failed[item] = failed[item] ?? '';
      return { ...s, failed };
    });
  const setVetoNote = (item: string, note: string) =>
    setSheet((s) => ({ ...s, failed: { ...s.failed, [item]: note } }));
  const setDefect = (item: string, patch: Partial<{ count: number; note: string }>) =>
    setSheet((s) => ({
      ...s,
      defects: { ...s.defects, [item]: { ...(s.defects[item] ?? { count: 0, note: '' }), ...patch } },
    }));

  const save = () => {
    setChecked(true);
    if (missing.size > 0) return;
    onSave(marksOf(sheet));
  };

  return (
    <Flex vertical gap={16}>
      <Card
        variant="borderless"
        title={t('pages.review.liveScore')}
        extra={
          editable && (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              onClick={save}
              data-testid="review-save"
            >
              {saveLabel ?? t('pages.review.saveScore')}
            </Button>
          )
        }
      >
        <LiveScore score={live} testPrefix="review-live" />
        {checked && missing.size > 0 && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('pages.review.notesMissing')} />
        )}
      </Card>

      <Card variant="borderless" title={t('pages.review.vetoes')} data-testid="review-vetoes">
        <Typography.Paragraph type="secondary">{t('pages.review.vetoHint')}</Typography.Paragraph>
        <Flex vertical gap={8}>
          {rubric.vetoes.map((v) => {
            const failed = v.key in sheet.failed;
            return (
              <Flex key={v.key} vertical gap={4}>
                <Checkbox
                  checked={!failed}
                  disabled={!editable}
                  onChange={(e) => setVeto(v.key, e.target.checked)}
                  data-testid={`review-veto-${v.key}`}
                >
                  <Typography.Text delete={failed} type={failed ? 'danger' : undefined}>
                    {v.label}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                    {v.cite}
                  </Typography.Text>
                </Checkbox>
                {failed && (
                  <Input
                    value={sheet.failed[v.key]}
                    disabled={!editable}
                    count={noteLimit.count}
                    status={showMissing(v.key) || noteLimit.over(sheet.failed[v.key]) ? 'error' : undefined}
                    placeholder={t('pages.review.vetoNote')}
                    onChange={(e) => setVetoNote(v.key, e.target.value)}
                    data-testid={`review-veto-note-${v.key}`}
                    style={{ marginInlineStart: 24, width: 'calc(100% - 24px)' }}
                  />
                )}
              </Flex>
            );
          })}
        </Flex>
      </Card>

      {REVIEW_SECTIONS.map((section) => {
        const sec = rubric.sections[section];
        let lastGroup: string | undefined;
        return (
          <Card
            key={section}
            variant="borderless"
            title={`${t(`pages.review.section.${section}`)}（${sec.max} ${t('pages.review.points')}）`}
            data-testid={`review-section-${section}`}
          >
            <Flex vertical gap={10}>
              {sec.items.map((item) => {
                const d = sheet.defects[item.key] ?? { count: 0, note: '' };
                const heading = item.group && item.group !== lastGroup ? item.group : null;
                lastGroup = item.group;
                return (
                  <div key={item.key}>
                    {heading && section === 'content' && (
                      <Divider titlePlacement="start" plain style={{ margin: '4px 0 8px' }}>
                        {heading}
                      </Divider>
                    )}
                    <Flex gap={12} align="start" wrap>
                      <Flex vertical style={{ flex: '1 1 260px', minWidth: 0 }}>
                        <Typography.Text>
                          {item.label}
                          {item.basic && (
                            <Tag color="orange" style={{ marginInlineStart: 6 }}>
                              {t('pages.review.basic')}
                            </Tag>
                          )}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('pages.review.itemPoints', { step: item.step, max: item.max })}
                          {item.basis ? ` · ${item.basis}` : ''}
                        </Typography.Text>
                      </Flex>
                      <Space.Compact>
                        <InputNumber
                          min={0}
                          max={1000}
                          precision={0}
                          value={d.count}
                          disabled={!editable}
                          onChange={(n) => setDefect(item.key, { count: n ?? 0 })}
                          aria-label={t('pages.review.defects')}
                          data-testid={`review-deduction-count-${item.key}`}
                          style={{ width: 90 }}
                        />
                      </Space.Compact>
                    </Flex>
                    {d.count > 0 && (
                      <Input
                        value={d.note}
                        disabled={!editable}
                        count={noteLimit.count}
                        status={showMissing(item.key) || noteLimit.over(d.note) ? 'error' : undefined}
                        placeholder={t('pages.review.deductionNote')}
                        onChange={(e) => setDefect(item.key, { note: e.target.value })}
                        data-testid={`review-deduction-note-${item.key}`}
                        style={{ marginTop: 6 }}
                      />
                    )}
                  </div>
                );
              })}
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
