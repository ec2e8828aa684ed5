import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../../src/common/roles.js';
import { $api, type ApiResponse, client } from '../../api/client.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { ResetPasswordModal, UserFormModal } from './UserForms.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

export type UserView = ApiResponse<'/api/v1/users/{id}', 'patch'>;

const isLocked = (u: UserView) => Boolean(u.lockedUntil && new Date(u.lockedUntil) > new Date());

/** Admin: users with filters; create, edit (role, unit, status), reset password, unlock. */
export default function UsersPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const units = useUnits();
  const [filters, setFilters] = useState<{ role?: Role; unitId?: number; q?: string }>({});
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);

  const query = { ...filters, unitId: filters.unitId === undefined ? undefined : String(filters.unitId) };
  const { data: users, isFetching } = $api.useQuery('get', '/api/v1/users', { params: { query } });

  const unlock = async (u: UserView) => {
    try {
      await client.POST('/api/v1/users/{id}/unlock', { params: { path: { id: String(u.id) } } });
      message.success(t('users.unlocked'));
    } catch (err) {
      report(err);
    }
  };

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('users.new')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<Role>
          allowClear
          placeholder={t('users.allRoles')}
          aria-label={t('users.role')}
          style={{ width: 160 }}
          value={filters.role}
          onChange={(role) => setFilters((f) => ({ ...f, role }))}
          options={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))}
        />
        <UnitSelect
          units={units}
          placeholder={t('users.allUnits')}
          aria-label={t('users.unit')}
          style={{ width: 260 }}
          value={filters.unitId}
          onChange={(unitId) => setFilters((f) => ({ ...f, unitId }))}
        />
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('common.search')}
          style={{ width: 220 }}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined }))}
        />
      </Space>
      <ResponsiveTable<UserView>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={users}
        scroll={{ x: 900 }}
        pagination={{ showSizeChanger: true, defaultPageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.role'), dataIndex: 'role', render: (r: Role) => <Tag color="blue">{pick(ROLE_LABELS[r])}</Tag> },
          {
            title: t('users.unit'),
            dataIndex: 'unitName',
            render: (n: string | null) => n ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
          {
            title: t('common.status'),
            render: (_, u) => (
              <Space size={4} wrap>
                {u.status === 'active' ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.disabled')}</Tag>}
                {isLocked(u) && <Tag color="red">{t('users.locked')}</Tag>}
                {u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
              </Space>
            ),
          },
          { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? new Date(v).toLocaleString() : '—') },
          {
            title: t('common.actions'),
            fixed: 'right',
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(u)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => setResetting(u)}>
                  {t('users.resetPassword')}
                </Button>
                {isLocked(u) && (
                  <Popconfirm title={`${t('users.unlock')} ${u.username}?`} onConfirm={() => unlock(u)}>
                    <Button type="link" size="small">
                      {t('users.unlock')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          units={units}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Card>
  );
}
