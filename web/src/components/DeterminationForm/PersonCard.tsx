// One person on the approval chain: who (name or number), role, agency, conduct (only what
// the role can do, Art. 15/18), share in a joint fault, personal circumstances (Art. 19/21)
// and earlier faults, from which Art. 19(2) is computed.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useVocabLabel } from '../../hooks/useVocabLabel';
import { useIntl } from '../../locales/intl';
import { citeLabel } from '../../services/cite';
import type { HistoryEntry, PersonInput, Role, Vocabulary } from '../../types/determination';
import type { CatalogueItem } from '../../types/rulebook';
import { textLimit } from '../textLimit';

interface Props {
  index: number;
  person: PersonInput;
  agencies: string[];
  vocabulary: Vocabulary;
  catalogue: CatalogueItem[];
  onChange(p: PersonInput): void;
  onRemove(): void;
  /** Who the person is, when not free text: a case's findings pick an officer of the register. */
  identity?: { label: string; field: ReactNode };
}

export default function PersonCard({
  index,
  person,
  agencies,
  vocabulary,
  catalogue,
  onChange,
  onRemove,
  identity,
}: Props) {
  const { t, locale } = useIntl();
  const label = useVocabLabel();
  const set = (patch: Partial<PersonInput>) => onChange({ ...person, ...patch });
  // The server's limit on a person's id (src/core/determine/request.ts).
  const idLimit = textLimit(100, t);
  const idTooLong = !identity && idLimit.over(person.id);
  const conductFor = vocabulary.conduct.filter((c) => c.roles.includes(person.role));
  const setRole = (role: Role) => {
    const allowed = new Set(vocabulary.conduct.filter((c) => c.roles.includes(role)).map((c) => c.code));
    set({ role, conduct: person.conduct.filter((c) => allowed.has(c)) });
  };
  const setHistory = (i: number, patch: Partial<HistoryEntry>) =>
    set({ history: person.history.map((h, j) => (j === i ? { ...h, ...patch } : h)) });

  return (
    <Card
      size="small"
      className="wz-person"
      data-testid={`person-${index}`}
      title={
        <span>
          {t('pages.simulator.personN', { n: index + 1 })}
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontWeight: 400 }}>
            {label('role', person.role)} {person.id}
          </Typography.Text>
        </span>
      }
      extra={
        <Tooltip title={t('pages.simulator.removePerson')}>
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined />}
            onClick={onRemove}
            aria-label={t('pages.simulator.removePerson')}
          />
        </Tooltip>
      }
    >
      <Form layout="vertical" component="div" size="small">
        <Row gutter={8}>
          <Col xs={12} md={identity ? 8 : 6}>
            <Form.Item
              label={identity?.label ?? t('pages.simulator.personId')}
              required
              validateStatus={idTooLong ? 'error' : undefined}
              help={idTooLong ? idLimit.message(person.id) : undefined}
            >
              {identity?.field ?? (
                <Input
                  value={person.id}
                  count={idLimit.count}
                  onChange={(e) => set({ id: e.target.value })}
                  data-testid="person-id"
                />
              )}
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('pages.simulator.role')} required>
              <Select
                value={person.role}
                onChange={setRole}
                options={vocabulary.roles.map((r) => ({
                  value: r.code,
                  label: label('role', r.code, r.label),
                }))}
                data-testid="person-role"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={identity ? 4 : 5}>
            <Form.Item label={t('pages.simulator.agency')}>
              <Select
                allowClear
                value={person.agency}
                onChange={(agency) => set({ agency })}
                options={agencies.map((a) => ({ value: a, label: a }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={identity ? 6 : 7}>
            <Form.Item label={t('pages.simulator.share')} tooltip={citeLabel({ article: 20 }, locale)}>
              <Select
                value={person.share}
                onChange={(share) => set({ share })}
                options={vocabulary.shares.map((s) => ({
                  value: s.code,
                  label: label('share', s.code, s.label),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('pages.simulator.conduct')}>
              {conductFor.length === 0 ? (
                <Typography.Text type="secondary">{t('pages.simulator.noConduct')}</Typography.Text>
              ) : (
                <Checkbox.Group
                  value={person.conduct}
                  onChange={(v) => set({ conduct: v as string[] })}
                  data-testid="person-conduct"
                >
                  <Flex vertical gap={2}>
                    {conductFor.map((c) => (
                      <Checkbox value={c.code} key={c.code}>
                        {label('conduct', c.code, c.label)}
                        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                          {c.cites.map((b) => citeLabel(b, locale)).join('、')}
                        </Typography.Text>
                      </Checkbox>
                    ))}
                  </Flex>
                </Checkbox.Group>
              )}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('pages.simulator.personal')}>
              <Checkbox.Group
                value={person.circumstances}
                onChange={(v) => set({ circumstances: v as string[] })}
              >
                <Flex vertical gap={2}>
                  {vocabulary.personalCircumstances.map((c) => (
                    <Checkbox value={c.code} key={c.code}>
                      {label('personal', c.code, c.label)}
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
            <Form.Item
              label={t('pages.simulator.history')}
              tooltip={t('pages.simulator.historyHint')}
              style={{ marginBottom: 0 }}
            >
              {person.history.length === 0 && (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('pages.simulator.noHistory')}
                  style={{ margin: '4px 0' }}
                />
              )}
              <Flex vertical gap={6}>
                {person.history.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                  <Flex gap={6} align="center" key={i} wrap data-testid="history-row">
                    <DatePicker
                      allowClear={false}
                      value={dayjs(h.date)}
                      onChange={(d) => d && setHistory(i, { date: d.format('YYYY-MM-DD') })}
                      style={{ width: 130 }}
                    />
                    <Select
                      value={h.fault}
                      onChange={(fault) => setHistory(i, { fault })}
                      showSearch={{ optionFilterProp: 'label' }}
                      options={catalogue.map((c) => ({ value: c.code, label: `${c.code} ${c.text}` }))}
                      labelRender={(o) => String(o.value)}
                      popupMatchSelectWidth={420}
                      style={{ width: 150 }}
                    />
                    <Checkbox
                      checked={h.sanctioned}
                      onChange={(e) => setHistory(i, { sanctioned: e.target.checked })}
                    >
                      {t('pages.simulator.sanctioned')}
                    </Checkbox>
                    <Button
                      type="text"
                      size="small"
                      icon={<DeleteOutlined />}
                      onClick={() => set({ history: person.history.filter((_, j) => j !== i) })}
                      aria-label={t('pages.simulator.removeHistory')}
                    />
                  </Flex>
                ))}
              </Flex>
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                style={{ marginTop: 6 }}
                onClick={() =>
                  set({
                    history: [
                      ...person.history,
                      {
                        date: dayjs().subtract(3, 'month').format('YYYY-MM-DD'),
                        fault: catalogue[0]?.code ?? 'penalty.01',
                        sanctioned: false,
                      },
                    ],
                  })
                }
                data-testid="add-history"
              >
                {t('pages.simulator.addHistory')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
