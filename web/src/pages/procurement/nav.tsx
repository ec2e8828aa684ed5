import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { procurementLabels as L } from './labels.js';

/** The module's sections, offered by permission (a unit's users see only their cases). */
export function ProcurementNav() {
  const { pick } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const sections = [
    { value: '/procurement', label: pick(L.tenders), show: can('procurement.read') },
    { value: '/procurement/groups', label: pick(L.groups), show: can('procurement.read') },
    { value: '/procurement/parties', label: pick(L.parties), show: can('procurement.read') },
    { value: '/procurement/cases', label: pick(L.cases), show: can('procurement.cases.read') },
    { value: '/procurement/campaigns', label: pick(L.campaigns), show: can('procurement.campaigns.read') },
  ].filter((s) => s.show);
  const current = [...sections].reverse().find((s) => pathname === s.value || pathname.startsWith(`${s.value}/`))?.value ?? '/procurement';
  // On a phone the sections scroll sideways rather than widen the page.
  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%', marginBottom: 16 }}>
      <Segmented options={sections.map(({ value, label }) => ({ value, label }))} value={current} onChange={(v) => navigate(String(v))} />
    </div>
  );
}
