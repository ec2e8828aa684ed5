import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n.js';
import { useReportError } from './feedback.js';

export interface FormModalProps<T> {
  title: ReactNode;
  /** Created by the caller (`Form.useForm<T>()`), so it can watch fields while the modal is open. */
  form: FormInstance<T>;
  initialValues?: Partial<T>;
  /** Defaults to 保存 / Save. */
  okText?: string;
  danger?: boolean;
  /** Shown above the form, e.g. a warning. */
  intro?: ReactNode;
  /** The modal's width (antd's default when omitted). */
  width?: number;
  /** Runs with the validated values; a failure is shown on the form's fields (or as a notification). */
  onSubmit: (values: T) => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * A modal holding one vertical form: validates, shows the OK button busy while `onSubmit` runs, and
 * reports a failed request under the fields it names. The caller mounts it while it is open.
 */
export function FormModal<T extends object>({
  title,
  form,
  initialValues,
  okText,
  danger,
  intro,
  width,
  onSubmit,
  onCancel,
  children,
}: FormModalProps<T>) {
  const { t } = useI18n();
  const report = useReportError();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      okButtonProps={danger ? { danger: true } : undefined}
      width={width}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
    >
      {intro}
      <Form<T> form={form} layout="vertical" initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
