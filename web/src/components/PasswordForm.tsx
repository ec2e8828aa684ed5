import { App, Button, Form, type FormRule, Input } from 'antd';
import { useState } from 'react';
import { LIMITS, isStrongPassword } from '../../../src/common/limits.js';
import { client } from '../api/client.js';
import { type Translate, useI18n } from '../i18n.js';
import { useReportError } from './feedback.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** Form rules for a new password: the server's own LIMITS and isStrongPassword. */
export function newPasswordRules(t: Translate): FormRule[] {
  const rule = t('password.rule', { min: LIMITS.password.min });
  return [
    { required: true },
    { max: LIMITS.password.max },
    { validator: (_, v: string | undefined) => (!v || isStrongPassword(v) ? Promise.resolve() : Promise.reject(new Error(rule))) },
  ];
}

/** Change one's own password; the same rules as the server (LIMITS, isStrongPassword). */
export function PasswordForm({ onChanged }: { onChanged?: () => unknown }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const rule = t('password.rule', { min: LIMITS.password.min });

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await client.POST('/api/v1/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      message.success(t('password.changed'));
      form.resetFields();
      await onChanged?.();
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label={t('password.new')} name="newPassword" extra={rule} rules={newPasswordRules(t)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('password.repeat')}
        name="repeat"
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, v: string | undefined) =>
              !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('password.title')}
      </Button>
    </Form>
  );
}
