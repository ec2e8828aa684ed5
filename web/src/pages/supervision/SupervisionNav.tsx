import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { supervisionLabels } from './labels.js';

/** Switches between the module's views; unit roles see only the views that concern their unit. */
export function SupervisionNav() {
  const { pick } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const unitRole = user.role === 'liaison' || user.role === 'unit_head';
  const options = [
    { value: '/supervision/weekly', label: pick(supervisionLabels.weekly) },
    ...(unitRole ? [] : [{ value: '/supervision/bulletins', label: pick(supervisionLabels.bulletins) }, { value: '/supervision/meetings', label: pick(supervisionLabels.meetings) }]),
    { value: '/supervision/notices', label: pick(supervisionLabels.notices) },
  ];
  const value = options.find((o) => pathname.startsWith(o.value))?.value ?? pathname;
  return <Segmented options={options} value={value} onChange={(v) => navigate(String(v))} style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }} />;
}
