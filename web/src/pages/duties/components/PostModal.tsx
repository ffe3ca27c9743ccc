// 岗位 in a modal: a new post or its change (name, the stages it answers for, the 职权编码 it is
// limited to — none: all of the agency's items), an officer appointed from a day (until a day, or
// open), or relieved on a last day. Field errors from the server land on their fields.

import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DUTY_STAGES } from '../../../../../src/core/duties/columns';
import OfficerPicker from '../../../components/OfficerPicker';
import { StepModal, type StepSpec } from '../../../components/StepModal';
import { textLimit } from '../../../components/textLimit';
import type { Translate } from '../../../locales/intl';
import {
  assignHolder,
  createPost,
  endHolder,
  type Post,
  type PostHolder,
  type PostInput,
  updatePost,
} from '../../../services/posts';
import type { DutyItem } from '../types';

export type PostAction = 'create' | 'edit' | 'assign' | 'end';

export interface PostSubject {
  agencyId: string;
  post: Post | null;
  holder: PostHolder | null;
  /** The agency's items in force: the codes a post may be limited to. */
  items: DutyItem[];
}

const day = (v: unknown) => (dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : undefined);
const required = (t: Translate, field: string) => ({
  required: true,
  message: t('common.required', { field }),
});

function postFields(s: PostSubject, t: Translate) {
  const codes = new Map(s.items.map((i) => [i.code, i]));
  return (
    <>
      <Form.Item
        name="name"
        label={t('pages.posts.name')}
        rules={[required(t, t('pages.posts.name')), textLimit(50, t).rule]}
      >
        <Input
          count={textLimit(50, t).count}
          placeholder={t('pages.posts.namePlaceholder')}
          data-testid="post-field-name"
        />
      </Form.Item>
      <Form.Item name="stages" label={t('pages.posts.stages')} rules={[required(t, t('pages.posts.stages'))]}>
        <Checkbox.Group
          data-testid="post-field-stages"
          options={DUTY_STAGES.map((st) => ({
            value: st,
            label: <span data-testid={`post-stage-${st}`}>{t(`pages.posts.stage.${st}`)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item name="codes" label={t('pages.posts.codes')} extra={t('pages.posts.codesHint')}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('pages.posts.allItems')}
          data-testid="post-field-codes"
          options={[...codes.values()].map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))}
        />
      </Form.Item>
    </>
  );
}

const postInput = (v: Record<string, unknown>): PostInput => ({
  name: String(v.name ?? '').trim(),
  stages: (v.stages as PostInput['stages']) ?? [],
  codes: (v.codes as string[]) ?? [],
});

const SPECS: Record<PostAction, StepSpec<PostSubject>> = {
  create: { fields: postFields, initial: () => ({ stages: [], codes: [] }), input: postInput },
  edit: {
    fields: postFields,
    initial: (s) => ({ name: s.post?.name, stages: s.post?.stages, codes: s.post?.codes }),
    input: postInput,
  },
  assign: {
    hint: (s, t) => t('pages.posts.assignHint', { post: s.post?.name ?? '' }),
    initial: () => ({ from: dayjs() }),
    fields: (s, t) => (
      <>
        <Form.Item
          name="officerId"
          label={t('pages.posts.officer')}
          rules={[required(t, t('pages.posts.officer'))]}
        >
          <OfficerPicker agencyId={s.agencyId} testId="post-field-officer" />
        </Form.Item>
        <Form.Item name="from" label={t('pages.posts.from')} rules={[required(t, t('pages.posts.from'))]}>
          <DatePicker data-testid="post-field-from" />
        </Form.Item>
        <Form.Item name="to" label={t('pages.posts.to')} extra={t('pages.posts.toHint')}>
          <DatePicker data-testid="post-field-to" />
        </Form.Item>
      </>
    ),
    input: (v) => ({ officerId: v.officerId, from: day(v.from), to: day(v.to) ?? null }),
  },
  end: {
    hint: (s, t) =>
      t('pages.posts.endHint', {
        name: s.holder?.officerName ?? '',
        post: s.post?.name ?? '',
        from: s.holder?.from ?? '',
      }),
    initial: () => ({ to: dayjs() }),
    fields: (_s, t) => (
      <Form.Item name="to" label={t('pages.posts.lastDay')} rules={[required(t, t('pages.posts.lastDay'))]}>
        <DatePicker data-testid="post-field-lastDay" />
      </Form.Item>
    ),
    input: (v) => ({ to: day(v.to) }),
  },
};

async function send(s: PostSubject, action: PostAction, input: object): Promise<PostSubject> {
  const post =
    action === 'create'
      ? await createPost(s.agencyId, input as PostInput)
      : action === 'edit'
        ? await updatePost(s.post!.id, s.post!.version, input as PostInput)
        : action === 'assign'
          ? await assignHolder(s.post!.id, input as { officerId: string; from: string; to: string | null })
          : await endHolder(s.post!.id, s.holder!.id, (input as { to: string }).to);
  return { ...s, post };
}

interface Props {
  subject: PostSubject | null;
  action: PostAction | null;
  onClose(): void;
  onDone(): void;
}

export default function PostModal({ subject, action, onClose, onDone }: Props) {
  if (!subject) return null;
  return (
    <StepModal<PostSubject, PostAction>
      subject={subject}
      action={action}
      specs={SPECS}
      send={send}
      ns="pages.posts"
      testId="post"
      onClose={onClose}
      onDone={onDone}
      onReload={onDone}
    />
  );
}
