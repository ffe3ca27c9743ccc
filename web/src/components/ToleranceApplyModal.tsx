// 申请容错 for one person of a case: the facts and reasons (at least 10 characters) and, if the
// measure was registered beforehand, the 事前备案 number. The officer concerned applies for
// themself, the agency's legal office for any officer of the agency; the server decides again
// (the case's stage, the city's policy, an application already open) and names the field it
// refuses — those not on the form (the case, the person) are shown above it.
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApiError } from '../hooks/useApiError';
import { useFormSubmit } from '../hooks/useFormSubmit';
import { useIntl } from '../locales/intl';
import { applyForTolerance, toleranceHref } from '../services/tolerance';
import { ProblemsAlert } from './ProblemsAlert';
import { TextAreaItem } from './TextAreaItem';
import { textLimit } from './textLimit';

export interface ApplyTarget {
  caseId: string;
  caseNumber: string;
  officerId: string;
  name: string;
  /** As whom the user applies: for themself, or as the agency's legal office. */
  kind: 'officer' | 'agency';
}

export default function ToleranceApplyModal({
  target,
  onClose,
}: {
  target: ApplyTarget | null;
  onClose(): void;
}) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const { saving, problems, setProblems, run } = useFormSubmit(form);
  const grounds = t('pages.tolerance.field.grounds');
  const numberLimit = textLimit(64, t);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setProblems([]);
  }, [target, form, setProblems]);

  const submit = async () => {
    if (!target) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(
      async () => {
        const created = await applyForTolerance({
          caseId: target.caseId,
          officerId: target.officerId,
          grounds: v.grounds as string,
          preRegistered: (v.preRegistered as string | undefined)?.trim() || null,
        });
        message.success(t('pages.tolerance.applied', { number: created.number }));
        onClose();
        navigate(toleranceHref(created.id));
      },
      (e) => showError(e, { form }),
    );
  };

  return (
    <Modal
      open={target !== null}
      title={t('pages.tolerance.apply')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.submit')}
      okButtonProps={{ 'data-testid': 'tolerance-apply-submit' }}
      confirmLoading={saving}
      width={620}
      destroyOnHidden
      data-testid="tolerance-apply-modal"
    >
      {target && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(target.kind === 'officer' ? 'pages.tolerance.applySelf' : 'pages.tolerance.applyAgency', {
            name: target.name,
            officerId: target.officerId,
            case: target.caseNumber,
          })}
          description={t('pages.tolerance.applyHint')}
        />
      )}
      <ProblemsAlert problems={problems} testId="tolerance-apply-problems" joined />
      <Form form={form} layout="vertical">
        <TextAreaItem
          name="grounds"
          label={grounds}
          min={10}
          max={10000}
          rows={5}
          maxRows={12}
          placeholder={t('pages.tolerance.groundsPlaceholder')}
          testId="tolerance-apply-grounds"
        />
        <Form.Item
          name="preRegistered"
          label={t('pages.tolerance.field.preRegistered')}
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('pages.tolerance.preRegisteredHint')}
            </Typography.Text>
          }
          rules={[numberLimit.rule]}
        >
          <Input
            count={numberLimit.count}
            placeholder={t('pages.tolerance.preRegisteredPlaceholder')}
            data-testid="tolerance-apply-preRegistered"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
