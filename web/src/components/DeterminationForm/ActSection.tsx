// The act: rule pack and date (which select the version of the rules), the fault items from
// the catalogue, how the decision was made, circumstances of the whole act, severity, and
// suspected breaches of discipline or law.
import { Card, Checkbox, Col, DatePicker, Flex, Form, Radio, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useVocabLabel } from '../../hooks/useVocabLabel';
import { useIntl } from '../../locales/intl';
import { citeLabel } from '../../services/cite';
import type { CaseState, Severity, Vocabulary } from '../../types/determination';
import type { CatalogueItem, Pack } from '../../types/rulebook';

interface Props {
  value: CaseState;
  onChange(patch: Partial<CaseState>): void;
  vocabulary: Vocabulary;
  catalogue: CatalogueItem[];
  packs: Pack[];
  /** A case's findings use the case's pack: no choice then. */
  showPack?: boolean;
}

export default function ActSection({
  value,
  onChange,
  vocabulary,
  catalogue,
  packs,
  showPack = true,
}: Props) {
  const { t, locale } = useIntl();
  const label = useVocabLabel();
  const faultOptions = useMemo(() => {
    const groups = new Map<
      string,
      { label: string; options: { value: string; label: string; title: string }[] }
    >();
    for (const item of catalogue) {
      const g = groups.get(item.category) ?? { label: item.cite.category, options: [] };
      g.options.push({
        value: item.code,
        label: `${item.code} ${item.cite.item}${item.text}`,
        title: item.text,
      });
      groups.set(item.category, g);
    }
    return [...groups.values()];
  }, [catalogue]);

  const severity = (key: keyof Severity, group: 'nature' | 'harm' | 'impact') => (
    <Radio.Group
      optionType="button"
      size="small"
      value={value.severity[key]}
      onChange={(e) => onChange({ severity: { ...value.severity, [key]: e.target.value } })}
      options={vocabulary.severity[group].map((o) => ({
        value: o.code,
        label: label(group, o.code, o.label),
      }))}
      data-testid={`severity-${key}`}
    />
  );

  return (
    <Card title={t('pages.simulator.act')} variant="borderless" size="small" data-testid="act-section">
      <Form layout="vertical" component="div">
        <Row gutter={12}>
          <Col xs={24} md={12} hidden={!showPack}>
            <Form.Item label={t('pages.simulator.pack')} tooltip={t('pages.simulator.packHint')}>
              <Select
                allowClear
                placeholder={packs.find((p) => p.default)?.title}
                value={value.pack}
                onChange={(pack) => onChange({ pack })}
                options={packs.map((p) => ({ value: p.name, label: `${p.title}（${p.name}）` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={showPack ? 12 : 24}>
            <Form.Item
              label={t('pages.simulator.occurredOn')}
              tooltip={t('pages.simulator.occurredOnHint')}
              required
            >
              <DatePicker
                style={{ width: '100%' }}
                allowClear={false}
                value={dayjs(value.occurredOn)}
                onChange={(d) => d && onChange({ occurredOn: d.format('YYYY-MM-DD') })}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('pages.simulator.faults')} required>
              <Select
                mode="multiple"
                value={value.faults}
                onChange={(faults) => onChange({ faults })}
                options={faultOptions}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('pages.simulator.faultsPlaceholder')}
                optionRender={(o) => (
                  <Typography.Text style={{ whiteSpace: 'normal' }}>{String(o.label)}</Typography.Text>
                )}
                labelRender={(o) => <span title={String(o.label)}>{String(o.value)}</span>}
                data-testid="fault-select"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('pages.simulator.decision')}>
              <Radio.Group
                value={value.decision}
                onChange={(e) => onChange({ decision: e.target.value })}
                options={vocabulary.decisions.map((d) => ({
                  value: d.code,
                  label: label('decision', d.code, d.label),
                }))}
                data-testid="decision"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('pages.simulator.actCircumstances')}>
              <Checkbox.Group
                value={value.circumstances}
                onChange={(v) => onChange({ circumstances: v as string[] })}
                data-testid="act-circumstances"
              >
                <Flex vertical gap={4}>
                  {vocabulary.actCircumstances.map((c) => (
                    <Checkbox value={c.code} key={c.code}>
                      {label('act', c.code, c.label)}
                      <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                        {citeLabel(c.cite, locale)}
                      </Typography.Text>
                    </Checkbox>
                  ))}
                </Flex>
              </Checkbox.Group>
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('pages.simulator.severity')} style={{ marginBottom: 8 }}>
              <Flex gap={16} wrap>
                <Flex gap={6} align="center">
                  <Typography.Text type="secondary">{t('pages.simulator.nature')}</Typography.Text>
                  {severity('nature', 'nature')}
                </Flex>
                <Flex gap={6} align="center">
                  <Typography.Text type="secondary">{t('pages.simulator.harm')}</Typography.Text>
                  {severity('harm', 'harm')}
                </Flex>
                <Flex gap={6} align="center">
                  <Typography.Text type="secondary">{t('pages.simulator.impact')}</Typography.Text>
                  {severity('impact', 'impact')}
                </Flex>
              </Flex>
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('pages.simulator.suspected')} style={{ marginBottom: 0 }}>
              <Flex gap={16}>
                <Checkbox
                  checked={value.suspected.discipline}
                  onChange={(e) =>
                    onChange({ suspected: { ...value.suspected, discipline: e.target.checked } })
                  }
                >
                  {t('pages.simulator.suspectedDiscipline')}
                </Checkbox>
                <Checkbox
                  checked={value.suspected.crime}
                  onChange={(e) => onChange({ suspected: { ...value.suspected, crime: e.target.checked } })}
                >
                  {t('pages.simulator.suspectedCrime')}
                </Checkbox>
              </Flex>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
