// The record of a collective discussion (集体讨论), for every form that decides by one — a case's
// approval of a heavy sanction, a tolerance decision: the meeting date (not after today), at least
// three attendees, the votes (no more than those present, a majority of them in favour) and the
// minutes. The fields are named under `collective` as the API names them, so that the server's
// field errors (`collective.votesFor`) land on them; `collectiveInput` turns the values into the
// API's shape.
import { Card, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Translate } from '../locales/intl';
import { chinaToday } from '../services/dates';
import { textLimit } from './textLimit';

const VOTES = ['votesFor', 'votesAgainst', 'votesAbstain'] as const;
type Vote = (typeof VOTES)[number];

/** The values as the form holds them. */
export interface CollectiveValues {
  meetingOn?: Dayjs;
  attendees?: string[];
  votesFor?: number;
  votesAgainst?: number;
  votesAbstain?: number;
  minutes?: string;
}

/** The API's `collective`: the date as YYYY-MM-DD, the attendees trimmed and without blanks. */
export function collectiveInput(m: CollectiveValues) {
  return {
    meetingOn: m.meetingOn ? m.meetingOn.format('YYYY-MM-DD') : undefined,
    attendees: (m.attendees ?? []).map((a) => a.trim()).filter(Boolean),
    votesFor: m.votesFor,
    votesAgainst: m.votesAgainst,
    votesAbstain: m.votesAbstain,
    minutes: m.minutes,
  };
}

const notAfterToday = (d: Dayjs) => d.format('YYYY-MM-DD') > chinaToday();

/** Each count is required; the votes for carry the tally (no more votes than attendees, a majority). */
function voteRules(t: Translate, v: Vote) {
  const required = { required: true, message: t('common.required', { field: t(`pages.cases.field.${v}`) }) };
  if (v !== 'votesFor') return [required];
  return [
    required,
    ({ getFieldValue }: { getFieldValue(name: (string | number)[]): unknown }) => ({
      validator() {
        const attendees = (getFieldValue(['collective', 'attendees']) as string[] | undefined) ?? [];
        const n = attendees.filter((a) => a.trim()).length;
        const votes = VOTES.map((x) => getFieldValue(['collective', x]));
        if (n === 0 || votes.some((x) => typeof x !== 'number')) return Promise.resolve();
        const [yes, no, abstain] = votes as number[];
        if (yes + no + abstain > n) return Promise.reject(new Error(t('pages.cases.form.votesOver', { n })));
        if (yes * 2 <= n) return Promise.reject(new Error(t('pages.cases.form.votesMajority', { n })));
        return Promise.resolve();
      },
    }),
  ];
}

export default function CollectiveDiscussionFields({ t, title }: { t: Translate; title?: string }) {
  const attendees = t('pages.cases.field.attendees');
  const date = t('pages.cases.field.meetingOn');
  const minutes = t('pages.cases.field.minutes');
  const minutesLimit = textLimit(10000, t);
  return (
    <Card
      size="small"
      type="inner"
      title={title ?? t('pages.cases.form.collectiveTitle')}
      style={{ marginBottom: 16 }}
    >
      <Form.Item
        name={['collective', 'meetingOn']}
        label={date}
        initialValue={dayjs(chinaToday())}
        rules={[{ required: true, message: t('common.select', { field: date }) }]}
      >
        <DatePicker disabledDate={notAfterToday} data-testid="action-field-meetingOn" />
      </Form.Item>
      <Form.Item
        name={['collective', 'attendees']}
        label={attendees}
        extra={t('pages.cases.form.attendeesHint')}
        required
        rules={[
          {
            validator: (_r, v: string[] | undefined) => {
              const names = (v ?? []).map((a) => a.trim()).filter(Boolean);
              if (names.length < 3) return Promise.reject(new Error(t('pages.cases.form.attendeesMin')));
              if (names.some((a) => a.length > 50))
                return Promise.reject(new Error(t('pages.cases.form.attendeeTooLong', { n: 50 })));
              return Promise.resolve();
            },
          },
        ]}
      >
        <Select
          mode="tags"
          suffixIcon={null}
          tokenSeparators={[',', '，', '、', ';', '；']}
          placeholder={t('pages.cases.form.attendeesPlaceholder')}
          data-testid="action-field-attendees"
        />
      </Form.Item>
      <Form.Item label={t('pages.cases.field.votes')} required style={{ marginBottom: 0 }}>
        <Flex gap={12} wrap>
          {VOTES.map((v) => (
            <Form.Item
              key={v}
              name={['collective', v]}
              rules={voteRules(t, v)}
              dependencies={
                v === 'votesFor'
                  ? [
                      ['collective', 'attendees'],
                      ['collective', 'votesAgainst'],
                      ['collective', 'votesAbstain'],
                    ]
                  : undefined
              }
            >
              <InputNumber
                min={0}
                max={1000}
                precision={0}
                prefix={t(`pages.cases.field.${v}`)}
                suffix={t('pages.cases.form.votesUnit')}
                style={{ width: 150 }}
                data-testid={`action-field-${v}`}
              />
            </Form.Item>
          ))}
        </Flex>
      </Form.Item>
      <Form.Item
        name={['collective', 'minutes']}
        label={minutes}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { field: minutes }) },
          minutesLimit.rule,
        ]}
      >
        <Input.TextArea
          count={minutesLimit.count}
          autoSize={{ minRows: 4, maxRows: 12 }}
          placeholder={t('pages.cases.form.minutesPlaceholder')}
          data-testid="action-field-minutes"
        />
      </Form.Item>
    </Card>
  );
}
