import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import BanksPanel from './BanksPanel.js';
import DeskPanel from './DeskPanel.js';
import EventsPanel from './EventsPanel.js';
import ListingPanel from './ListingPanel.js';
import NeedsPanel from './NeedsPanel.js';
import ProjectsPanel from './ProjectsPanel.js';
import StatsPanel, { ReturnImport } from './StatsPanel.js';
import { financeLabels as L } from './labels.js';

/**
 * 融资环境: the office and the leaders see every tab; a bank's account manager the needs published
 * to his bank (and the import of his bank's monthly return); an enterprise its own needs.
 */
export default function FinancePage() {
  const { pick } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const city = can('finance.read');
  const tabs = [
    { key: 'needs', label: pick(L.needs), children: <NeedsPanel /> },
    ...(city
      ? [
          { key: 'events', label: pick(L.events), children: <EventsPanel /> },
          { key: 'projects', label: pick(L.projects), children: <ProjectsPanel /> },
          { key: 'desk', label: pick(L.desk), children: <DeskPanel /> },
          { key: 'listing', label: pick(L.listing), children: <ListingPanel /> },
          { key: 'stats', label: pick(L.stats), children: <StatsPanel /> },
          { key: 'banks', label: pick(L.bankList), children: <BanksPanel /> },
        ]
      : []),
    ...(can('finance.scope.bank') ? [{ key: 'returns', label: pick(L.importReturn), children: <ReturnImport /> }] : []),
  ];
  const active = tabs.some((t) => t.key === params.get('tab')) ? params.get('tab')! : 'needs';
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {pick(L.title)}
      </Typography.Title>
      <Tabs activeKey={active} onChange={(tab) => setParams({ tab }, { replace: true })} items={tabs} destroyOnHidden />
    </>
  );
}
