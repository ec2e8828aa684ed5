import { Segmented } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { supervisionLabels } from './labels.js';

/**
 * Switches between the module's views; unit roles see only the views that concern their unit.
 * `extra` is the view's toolbar, centred on the same line as the switch (below it on a phone).
 */
export function SupervisionNav({ extra }: { extra?: ReactNode } = {}) {
  const { pick } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const options = [
    { value: '/supervision/weekly', label: pick(supervisionLabels.weekly) },
    ...(can('supervision.bulletins.read') ? [{ value: '/supervision/bulletins', label: pick(supervisionLabels.bulletins) }] : []),
    ...(can('supervision.meetings.read') ? [{ value: '/supervision/meetings', label: pick(supervisionLabels.meetings) }] : []),
    { value: '/supervision/notices', label: pick(supervisionLabels.notices) },
  ];
  const value = options.find((o) => pathname.startsWith(o.value))?.value ?? pathname;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, marginBottom: 12 }}>
      <Segmented options={options} value={value} onChange={(v) => navigate(String(v))} style={{ maxWidth: '100%', overflowX: 'auto' }} />
      {extra}
    </div>
  );
}
