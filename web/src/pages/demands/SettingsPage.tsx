import { Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n.js';
import { DeadlinesTab } from './DeadlinesTab.js';
import { KnowledgeTab } from './KnowledgeTab.js';
import { RatingCodesTab } from './RatingCodesTab.js';
import { RouteRulesTab } from './RouteRulesTab.js';
import { settingsLabels as L } from './settings.labels.js';

const TABS = ['routes', 'deadlines', 'knowledge', 'codes'] as const;

/** 诉求设置 (office): routing rules, deadlines, the knowledge base and the rating codes of windows and specialists. */
export default function SettingsPage() {
  const { pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'routes';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {pick(L.title)}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(t) => setParams({ tab: t })}
        items={[
          { key: 'routes', label: pick(L.routes), children: <RouteRulesTab /> },
          { key: 'deadlines', label: pick(L.deadlines), children: <DeadlinesTab /> },
          { key: 'knowledge', label: pick(L.knowledge), children: <KnowledgeTab /> },
          { key: 'codes', label: pick(L.ratingCodes), children: <RatingCodesTab /> },
        ]}
      />
    </Space>
  );
}
