import { App, Form, Input, Radio, Select } from 'antd';
import { LIMITS } from '../../../../src/common/limits.js';
import { ROLES, ROLE_LABELS, type Role, UNIT_SCOPED_ROLES } from '../../../../src/common/roles.js';
import { client, ok } from '../../api/client.js';
import type { UnitView } from '../../components/UnitSelect.js';
import type { UserView } from './UsersPage.js';
import { newPasswordRules } from '../../components/PasswordForm.js';
import { FormModal } from '../../components/FormModal.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { useI18n } from '../../i18n.js';
import { PLEASE_CHOOSE } from '../../components/format.js';

interface UserFormValues {
  username: string;
  displayName: string;
  role: Role;
  unitId?: number | null;
  password: string;
  locale: 'zh-CN' | 'en';
  status: 'active' | 'disabled';
}

/** Creates a user (`user` null) or edits role, unit, name and status, sending the version read. */
export function UserFormModal({
  user,
  units,
  onClose,
  onSaved,
}: {
  user: UserView | null;
  units: UnitView[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const role = Form.useWatch('role', form);

  const save = async (v: UserFormValues) => {
    if (user) {
      const body = { version: user.version, displayName: v.displayName, role: v.role, unitId: v.unitId ?? null, status: v.status };
      await client.PATCH('/api/v1/users/{id}', { params: { path: { id: String(user.id) } }, body });
      message.success(t('common.saved'));
    } else {
      const body = {
        username: v.username,
        displayName: v.displayName,
        role: v.role,
        unitId: v.unitId ?? null,
        password: v.password,
        locale: v.locale,
      };
      const created = await ok(client.POST('/api/v1/users', { body }));
      message.success(t('users.created', { name: created.username }));
    }
    onSaved();
  };

  return (
    <FormModal<UserFormValues>
      form={form}
      title={user ? `${t('users.edit')}：${user.username}` : t('users.new')}
      onSubmit={save}
      onCancel={onClose}
      initialValues={
        user
          ? { displayName: user.displayName, role: user.role, unitId: user.unitId, status: user.status }
          : { role: 'liaison', locale: 'zh-CN' }
      }
    >
      {!user && (
        <Form.Item
          label={t('users.username')}
          name="username"
          rules={[{ required: true, whitespace: true, min: LIMITS.username.min, max: LIMITS.username.max }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item
        label={t('users.displayName')}
        name="displayName"
        rules={[{ required: true, whitespace: true, max: LIMITS.displayName.max }]}
      >
        <Input />
      </Form.Item>
      <Form.Item label={t('users.role')} name="role" rules={[{ required: true }]}>
        <Select placeholder={pick(PLEASE_CHOOSE)} options={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))} />
      </Form.Item>
      <Form.Item label={t('users.unit')} name="unitId" rules={[{ required: UNIT_SCOPED_ROLES.includes(role) }]}>
        <UnitSelect units={units} />
      </Form.Item>
      {!user && (
        <>
          <Form.Item label={t('users.initialPassword')} name="password" extra={t('users.initialPasswordHint')} rules={newPasswordRules(t)}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label={t('users.locale')} name="locale">
            <Radio.Group
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
        </>
      )}
      {user && (
        <Form.Item label={t('common.status')} name="status">
          <Radio.Group
            options={[
              { value: 'active', label: t('common.active') },
              { value: 'disabled', label: t('common.disabled') },
            ]}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** Sets a temporary password; the server makes the user replace it at the next login. */
export function ResetPasswordModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();

  const reset = async (v: { password: string }) => {
    await client.POST('/api/v1/users/{id}/reset-password', { params: { path: { id: String(user.id) } }, body: { password: v.password } });
    message.success(t('users.resetDone'));
    onClose();
  };

  return (
    <FormModal
      form={form}
      title={`${t('users.resetPassword')}：${user.username}`}
      okText={t('common.confirm')}
      onSubmit={reset}
      onCancel={onClose}
    >
      <Form.Item label={t('password.new')} name="password" extra={t('users.initialPasswordHint')} rules={newPasswordRules(t)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
