import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n.js';

function BackHome() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('common.back')}
    </Button>
  );
}

export function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.body')} extra={<BackHome />} />;
}

export function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title={t('notFound.title')} extra={<BackHome />} />;
}
