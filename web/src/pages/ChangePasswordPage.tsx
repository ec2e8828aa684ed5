import { Alert, Button, Card, Space } from 'antd';
import { LangSwitch } from '../components/LangSwitch.js';
import { PasswordForm } from '../components/PasswordForm.js';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';

/** The only page a user with a temporary password can reach. */
export default function ChangePasswordPage() {
  const { t } = useI18n();
  const { refresh, logout } = useSession();
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: '#f8fafc' }}>
      <Card
        title={t('password.title')}
        style={{ width: '100%', maxWidth: 420 }}
        extra={
          <Space size={0}>
            <LangSwitch />
            <Button type="link" onClick={() => void logout()}>
              {t('layout.logout')}
            </Button>
          </Space>
        }
      >
        <Alert type="warning" showIcon message={t('password.forced')} style={{ marginBottom: 16 }} />
        <PasswordForm onChanged={refresh} />
      </Card>
    </div>
  );
}
