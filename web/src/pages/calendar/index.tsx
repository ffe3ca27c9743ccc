// 工作日历: a year at a glance — statutory holidays and make-up working days, from the State
// Council schedule (seed) or set by an administrator — on which every case deadline is
// counted. Administrators add and remove days; a change applies to deadlines at once.
import { DeleteOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { canEditCalendar } from '../../access';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/Status';
import { textLimit } from '../../components/textLimit';
import { useApi } from '../../hooks/useApi';
import { useApiError } from '../../hooks/useApiError';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { chinaToday } from '../../services/dates';
import { useUser } from '../../session';
import MonthGrid from './components/MonthGrid';
import { getCalendar, removeOverride, setOverride } from './service';
import type { DayKind, SpecialDay } from './types';

function DayModal({
  day,
  current,
  onClose,
  onDone,
}: {
  day: string | null;
  current?: SpecialDay;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ kind: DayKind; note?: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!day) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await setOverride(day, v.kind, v.note?.trim());
      message.success(t('pages.calendar.saved', { day }));
      onDone();
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={day !== null}
      title={t('pages.calendar.setDay', { day: day ?? '' })}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'calendar-day-submit' }}
      destroyOnHidden
    >
      {current && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('pages.calendar.currently', {
            kind: t(`pages.calendar.kind.${current.kind}`),
            source: t(`pages.calendar.source.${current.source}`),
          })}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          kind: current?.kind === 'holiday' ? 'workday' : 'holiday',
          note: current?.note ?? '',
        }}
      >
        <Form.Item name="kind" label={t('pages.calendar.kindLabel')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: t('pages.calendar.kind.holiday') },
              { value: 'workday', label: t('pages.calendar.kind.workday') },
            ]}
            data-testid="calendar-day-kind"
          />
        </Form.Item>
        <Form.Item name="note" label={t('pages.calendar.note')} rules={[textLimit(100, t).rule]}>
          <Input
            count={textLimit(100, t).count}
            placeholder={t('pages.calendar.notePlaceholder')}
            data-testid="calendar-day-note"
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('pages.calendar.effect')}
      </Typography.Text>
    </Modal>
  );
}

export default function CalendarPage() {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const editable = canEditCalendar(useUser());
  const today = chinaToday();
  const { values, update } = useSearchState();
  const year = Number(values.year) || Number(today.slice(0, 4));
  const cal = useApi((signal) => getCalendar(year, signal), [year]);
  const [picked, setPicked] = useState<string | null>(null);
  const special = useMemo(() => new Map((cal.data?.days ?? []).map((d) => [d.day, d])), [cal.data]);

  const remove = async (day: string) => {
    try {
      await removeOverride(day);
      message.success(t('pages.calendar.removed', { day }));
      cal.reload();
    } catch (e) {
      showError(e);
    }
  };

  const holidays = (cal.data?.days ?? []).filter((d) => d.kind === 'holiday').length;
  const workdays = (cal.data?.days ?? []).filter((d) => d.kind === 'workday').length;

  return (
    <PageContainer
      testId="calendar-page"
      title={t('menu.calendar')}
      subTitle={t('pages.calendar.subtitle')}
      extra={
        <Flex gap={8} align="center">
          <Button
            icon={<LeftOutlined />}
            onClick={() => update({ year: year - 1 })}
            aria-label={t('pages.calendar.prev')}
          />
          <Typography.Text
            strong
            style={{ fontSize: 16, minWidth: 72, textAlign: 'center' }}
            data-testid="calendar-year"
          >
            {t('pages.calendar.year', { year })}
          </Typography.Text>
          <Button
            icon={<RightOutlined />}
            onClick={() => update({ year: year + 1 })}
            aria-label={t('pages.calendar.next')}
          />
          {year !== Number(today.slice(0, 4)) && (
            <Button onClick={() => update({ year: undefined })}>{t('pages.calendar.thisYear')}</Button>
          )}
        </Flex>
      }
    >
      {cal.error ? (
        <LoadError error={cal.error} onRetry={cal.reload} />
      ) : !cal.data ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <Flex vertical gap={16}>
          {!cal.data.covered && (
            <Alert
              type="warning"
              showIcon
              title={t('pages.calendar.notCovered', { year })}
              data-testid="calendar-not-covered"
            />
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={17}>
              <Card
                variant="borderless"
                title={
                  <Flex gap={12} wrap align="center" className="wz-calendar-legend">
                    <span className="wz-legend wz-day-holiday">{t('pages.calendar.off')}</span>
                    {t('pages.calendar.kind.holiday')}
                    <span className="wz-legend wz-day-workday">{t('pages.calendar.on')}</span>
                    {t('pages.calendar.kind.workday')}
                    <span className="wz-legend wz-day-weekend" />
                    {t('pages.calendar.weekend')}
                    <span className="wz-legend wz-day-admin" />
                    {t('pages.calendar.source.admin')}
                  </Flex>
                }
                extra={
                  <Typography.Text type="secondary">
                    {t('pages.calendar.counts', { holidays, workdays })}
                  </Typography.Text>
                }
              >
                {editable && (
                  <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
                    {t('pages.calendar.clickHint')}
                  </Typography.Paragraph>
                )}
                <div className="wz-year-grid" data-testid="calendar-grid">
                  {Array.from({ length: 12 }, (_, m) => (
                    <MonthGrid
                      // biome-ignore lint/suspicious/noArrayIndexKey: the month is its own key
                      key={m}
                      year={year}
                      month={m}
                      special={special}
                      today={today}
                      onPick={editable ? setPicked : undefined}
                    />
                  ))}
                </div>
              </Card>
            </Col>
            <Col xs={24} xl={7}>
              <Card variant="borderless" title={t('pages.calendar.list')} size="small">
                <Table<SpecialDay>
                  rowKey="day"
                  size="small"
                  pagination={false}
                  dataSource={cal.data.days}
                  scroll={{ y: 640 }}
                  data-testid="calendar-days"
                  locale={{
                    emptyText: (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.calendar.none')} />
                    ),
                  }}
                  columns={[
                    { title: t('pages.calendar.day'), dataIndex: 'day', width: 110 },
                    {
                      title: t('pages.calendar.kindLabel'),
                      dataIndex: 'kind',
                      width: 90,
                      render: (k: DayKind) => (
                        <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`pages.calendar.kind.${k}`)}</Tag>
                      ),
                    },
                    {
                      title: t('pages.calendar.sourceLabel'),
                      key: 'source',
                      render: (_, d) => (
                        <Flex vertical>
                          <Typography.Text type={d.source === 'seed' ? 'secondary' : undefined}>
                            {t(`pages.calendar.source.${d.source}`)}
                          </Typography.Text>
                          {d.note && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {d.note}
                            </Typography.Text>
                          )}
                        </Flex>
                      ),
                    },
                    ...(editable
                      ? [
                          {
                            key: 'actions',
                            width: 44,
                            render: (_: unknown, d: SpecialDay) =>
                              d.source === 'admin' && (
                                <Popconfirm
                                  title={t('pages.calendar.removeConfirm', { day: d.day })}
                                  onConfirm={() => remove(d.day)}
                                >
                                  <Button
                                    type="text"
                                    size="small"
                                    danger
                                    icon={<DeleteOutlined />}
                                    aria-label={t('pages.calendar.remove')}
                                    data-testid={`calendar-remove-${d.day}`}
                                  />
                                </Popconfirm>
                              ),
                          },
                        ]
                      : []),
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
      <DayModal
        key={picked ?? ''}
        day={picked}
        current={picked ? special.get(picked) : undefined}
        onClose={() => setPicked(null)}
        onDone={() => {
          setPicked(null);
          cal.reload();
        }}
      />
    </PageContainer>
  );
}
