// 处理职责交叉 in a modal: 明确牵头单位 (the lead among the agencies leading the power, the others 协办;
// the ground, required; the day it takes effect, today by default) or 移交编制部门 (the referral's
// number and date, the receiving office, a note). Field errors from the server land on their fields.
import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { StepModal, type StepSpec } from '../../../components/StepModal';
import { TextAreaItem } from '../../../components/TextAreaItem';
import { textLimit } from '../../../components/textLimit';
import type { Translate } from '../../../locales/intl';
import { decideOverlap, type OverlapAction } from '../service';
import type { WorklistOverlap } from '../types';

const day = (v: unknown) => (dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : undefined);
const trimmed = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const required = (t: Translate, field: string) => ({
  required: true,
  message: t('common.required', { field }),
});

const SPECS: Record<OverlapAction, StepSpec<WorklistOverlap>> = {
  resolve: {
    width: 620,
    hint: (o, t) => t('pages.duties.boundary.resolveHint', { name: o.name }),
    fields: (o, t) => (
      <>
        <Form.Item
          name="lead"
          label={t('pages.duties.boundary.lead')}
          rules={[required(t, t('pages.duties.boundary.lead'))]}
        >
          <Radio.Group data-testid="overlap-field-lead">
            {o.agencies.map((a) => (
              <Radio key={a.id} value={a.id} data-testid={`overlap-lead-${a.id}`}>
                {a.name}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <TextAreaItem
          name="ground"
          label={t('pages.duties.boundary.ground')}
          testId="overlap-field-ground"
          placeholder={t('pages.duties.boundary.groundHint')}
        />
        <Form.Item
          name="validFrom"
          label={t('pages.duties.boundary.validFrom')}
          extra={t('pages.duties.boundary.validFromHint')}
        >
          <DatePicker
            data-testid="overlap-field-validFrom"
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
      </>
    ),
    input: (v) => ({ lead: v.lead, ground: v.ground, validFrom: day(v.validFrom) }),
  },
  refer: {
    hint: (o, t) => t('pages.duties.boundary.referHint', { name: o.name }),
    initial: () => ({ referredOn: dayjs() }),
    fields: (_o, t) => (
      <>
        <Form.Item
          name="number"
          label={t('pages.duties.boundary.number')}
          rules={[required(t, t('pages.duties.boundary.number')), textLimit(200, t).rule]}
        >
          <Input data-testid="overlap-field-number" count={textLimit(200, t).count} />
        </Form.Item>
        <Form.Item
          name="referredOn"
          label={t('pages.duties.boundary.referredOn')}
          rules={[required(t, t('pages.duties.boundary.referredOn'))]}
        >
          <DatePicker
            data-testid="overlap-field-referredOn"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item
          name="referredTo"
          label={t('pages.duties.boundary.referredTo')}
          rules={[textLimit(100, t).rule]}
        >
          <Input
            placeholder={t('pages.duties.boundary.establishmentOffice')}
            data-testid="overlap-field-referredTo"
          />
        </Form.Item>
        <TextAreaItem
          name="note"
          label={t('pages.duties.boundary.note')}
          testId="overlap-field-note"
          optional
        />
      </>
    ),
    input: (v) => ({
      number: v.number,
      referredOn: day(v.referredOn),
      referredTo: trimmed(v.referredTo),
      note: trimmed(v.note),
    }),
  },
};

interface Props {
  overlap: WorklistOverlap | null;
  action: OverlapAction | null;
  onClose(): void;
  onDone(): void;
}

export default function OverlapDecisionModal({ overlap, action, onClose, onDone }: Props) {
  if (!overlap) return null;
  return (
    <StepModal<WorklistOverlap, OverlapAction>
      subject={overlap}
      action={action}
      specs={SPECS}
      send={async (o, a, input) => {
        await decideOverlap(o, a, input);
        return o;
      }}
      ns="pages.duties.boundary"
      testId="overlap"
      onClose={onClose}
      onDone={onDone}
      onReload={onDone}
    />
  );
}
