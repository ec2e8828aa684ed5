import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { type Label, useI18n } from '../i18n.js';

function BackHome() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('common.back')}
    </Button>
  );
}

/** Shown on the paths of a module that has no pages yet: says so plainly instead of a blank page. */
export function NotAvailable({ label }: { label: Label }) {
  const { t, pick } = useI18n();
  return <Result status="info" title={t('notAvailable.title', { name: pick(label) })} subTitle={t('notAvailable.body')} extra={<BackHome />} />;
}

export function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.body')} extra={<BackHome />} />;
}

export function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title={t('notFound.title')} extra={<BackHome />} />;
}
