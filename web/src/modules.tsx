import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  LineChartOutlined,
  MoneyCollectOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from './registry.js';

/**
 * The modules of the web client, in menu order: the web's own list (the browser cannot import the
 * server's module manifests). To add your module's pages:
 *
 *   1. write `web/src/pages/<module>/SomePage.tsx` with a default-exported component;
 *   2. give your entry below `pages: [{ path: '/<module>', page: lazy(() => import('./pages/<module>/SomePage.js')) }]`
 *      (more pages: more entries, e.g. `/<module>/:id`; `permission` on an entry is needed besides the module's);
 *   3. optionally `nav: [...]` for several menu entries (a module with more than one becomes a group).
 *
 * Permissions come from src/common/permissions.ts (the user's list arrives with `GET /auth/me`); they
 * decide only what the menu and router offer, the server checks every API call on its own. A module
 * joins this list when its pages are built: the menu never offers a placeholder.
 */
export const webModules: WebModule[] = [
  {
    key: 'cockpit',
    label: { zh: '驾驶舱', en: 'Cockpit' },
    icon: <DashboardOutlined />,
    permission: 'supervision.cockpit.view',
    pages: [{ path: '/cockpit', page: lazy(() => import('./pages/supervision/CockpitPage.js')) }],
  },
  {
    key: 'worklists',
    label: { zh: '四表一单', en: 'Work lists' },
    icon: <UnorderedListOutlined />,
    permission: 'worklists.view',
    pages: [
      { path: '/worklists', page: lazy(() => import('./pages/worklists/ItemsPage.js')) },
      { path: '/worklists/todo', page: lazy(() => import('./pages/worklists/TodoPage.js')), permission: 'worklists.todo' },
      { path: '/worklists/cases', page: lazy(() => import('./pages/worklists/CaseBoardPage.js')) },
      { path: '/worklists/items/:id', page: lazy(() => import('./pages/worklists/ItemPage.js')) },
      { path: '/worklists/import', page: lazy(() => import('./pages/worklists/ImportPage.js')), permission: 'worklists.import' },
      { path: '/worklists/lists', page: lazy(() => import('./pages/worklists/ListsPage.js')), permission: 'worklists.manage' },
    ],
  },
  {
    key: 'supervision',
    label: { zh: '督查督办', en: 'Supervision' },
    icon: <AlertOutlined />,
    permission: 'supervision.view',
    nav: [{ path: '/supervision/weekly', label: { zh: '督查督办', en: 'Supervision' } }],
    pages: [
      { path: '/supervision', page: lazy(() => import('./pages/supervision/WeeklyPage.js')) },
      { path: '/supervision/weekly', page: lazy(() => import('./pages/supervision/WeeklyPage.js')) },
      { path: '/supervision/notices', page: lazy(() => import('./pages/supervision/NoticesPage.js')) },
      {
        path: '/supervision/bulletins',
        page: lazy(() => import('./pages/supervision/BulletinsPage.js')),
        permission: 'supervision.bulletins.read',
      },
      {
        path: '/supervision/bulletins/:id',
        page: lazy(() => import('./pages/supervision/BulletinPage.js')),
        permission: 'supervision.bulletins.read',
      },
      {
        path: '/supervision/meetings',
        page: lazy(() => import('./pages/supervision/MeetingsPage.js')),
        permission: 'supervision.meetings.read',
      },
    ],
  },
  {
    key: 'indicators',
    label: { zh: '指标监测', en: 'Indicators' },
    icon: <LineChartOutlined />,
    permission: 'indicators.view',
    pages: [
      { path: '/indicators', page: lazy(() => import('./pages/indicators/IndicatorsPage.js')) },
      { path: '/indicators/forecast', page: lazy(() => import('./pages/indicators/ForecastPage.js')), permission: 'indicators.forecast' },
    ],
  },
  {
    key: 'policies',
    label: { zh: '惠企政策', en: 'Policies' },
    icon: <FileProtectOutlined />,
    nav: [
      { path: '/policies', label: { zh: '政策库与规则', en: 'Library and rules' }, permission: 'policies.view' },
      { path: '/policies/match', label: { zh: '匹配与兑现', en: 'Matching and payouts' }, permission: 'policies.view' },
      { path: '/policies/portal', label: { zh: '我的政策', en: 'My policies' }, permission: 'policies.portal' },
    ],
    pages: [
      { path: '/policies', page: lazy(() => import('./pages/policies/PoliciesPage.js')), permission: 'policies.view' },
      { path: '/policies/match', page: lazy(() => import('./pages/policies/MatchPage.js')), permission: 'policies.view' },
      { path: '/policies/portal', page: lazy(() => import('./pages/policies/PortalPage.js')), permission: 'policies.portal' },
    ],
  },
  // demands
  {
    key: 'demands',
    label: { zh: '企业诉求', en: 'Enterprise demands' },
    icon: <CustomerServiceOutlined />,
    permission: 'demands.view',
    nav: [
      { path: '/demands', label: { zh: '诉求工单', en: 'Tickets' } },
      { path: '/demands/kpi', label: { zh: '办理指标', en: 'Figures' }, permission: 'demands.kpi' },
      { path: '/demands/settings', label: { zh: '诉求设置', en: 'Desk settings' }, permission: 'demands.manage' },
    ],
    pages: [
      { path: '/demands', page: lazy(() => import('./pages/demands/DemandsPage.js')) },
      { path: '/demands/kpi', page: lazy(() => import('./pages/demands/KpiPage.js')), permission: 'demands.kpi' },
      { path: '/demands/settings', page: lazy(() => import('./pages/demands/SettingsPage.js')), permission: 'demands.manage' },
      { path: '/demands/:id', page: lazy(() => import('./pages/demands/DemandPage.js')) },
    ],
  },
  // services
  {
    key: 'services',
    label: { zh: '政务服务', en: 'Government services' },
    icon: <ShopOutlined />,
    permission: 'services.view',
    pages: [
      { path: '/services', page: lazy(() => import('./pages/services/ServicesPage.js')) },
      { path: '/services/cases/:id', page: lazy(() => import('./pages/services/CasePage.js')) },
    ],
  },
  // enforcement
  {
    key: 'enforcement',
    label: { zh: '法治环境', en: 'Law-based environment' },
    icon: <SafetyCertificateOutlined />,
    // The office's and the units' workspace (the specialist's: complaints only), and the enterprise's own credit page.
    nav: [
      { path: '/enforcement', label: { zh: '法治环境', en: 'Law-based environment' }, permission: 'enforcement.view' },
      { path: '/enforcement/my-credit', label: { zh: '我的信用', en: 'My credit' }, permission: 'enforcement.portal' },
    ],
    pages: [
      { path: '/enforcement', page: lazy(() => import('./pages/enforcement/EnforcementPage.js')), permission: 'enforcement.view' },
      // A plan is read with enforcement.read: the specialist, who has the page for complaints only, is refused it.
      { path: '/enforcement/plans/:id', page: lazy(() => import('./pages/enforcement/PlanPage.js')), permission: 'enforcement.read' },
      { path: '/enforcement/my-credit', page: lazy(() => import('./pages/enforcement/MyCreditPage.js')), permission: 'enforcement.portal' },
    ],
  },
  // finance
  {
    key: 'finance',
    label: { zh: '融资环境', en: 'Financing' },
    icon: <MoneyCollectOutlined />,
    permission: 'finance.view',
    pages: [{ path: '/finance', page: lazy(() => import('./pages/finance/FinancePage.js')) }],
  },
  // procurement (串通投标预警): a unit's users see only the cases sent to them
  {
    key: 'procurement',
    label: { zh: '串通投标预警', en: 'Bid-collusion warning' },
    icon: <ClusterOutlined />,
    permission: 'procurement.view',
    nav: [
      { path: '/procurement', label: { zh: '串通投标预警', en: 'Bid-collusion warning' }, permission: 'procurement.read' },
      { path: '/procurement/cases', label: { zh: '串通投标线索', en: 'Collusion cases' }, permission: 'procurement.cases.read' },
    ],
    pages: [
      { path: '/procurement', page: lazy(() => import('./pages/procurement/TendersPage.js')), permission: 'procurement.read' },
      { path: '/procurement/tenders/:id', page: lazy(() => import('./pages/procurement/TenderPage.js')), permission: 'procurement.read' },
      { path: '/procurement/groups', page: lazy(() => import('./pages/procurement/GroupsPage.js')), permission: 'procurement.read' },
      { path: '/procurement/parties', page: lazy(() => import('./pages/procurement/PartiesPage.js')), permission: 'procurement.read' },
      { path: '/procurement/groups/:id', page: lazy(() => import('./pages/procurement/GroupPage.js')), permission: 'procurement.read' },
      {
        path: '/procurement/bidders/:bidderId',
        page: lazy(() => import('./pages/procurement/BidderPage.js')),
        permission: 'procurement.read',
      },
      { path: '/procurement/cases', page: lazy(() => import('./pages/procurement/CasesPage.js')), permission: 'procurement.cases.read' },
      { path: '/procurement/cases/:id', page: lazy(() => import('./pages/procurement/CasePage.js')), permission: 'procurement.cases.read' },
      {
        path: '/procurement/campaigns',
        page: lazy(() => import('./pages/procurement/CampaignsPage.js')),
        permission: 'procurement.campaigns.read',
      },
      {
        path: '/procurement/campaigns/:id',
        page: lazy(() => import('./pages/procurement/CampaignPage.js')),
        permission: 'procurement.campaigns.read',
      },
    ],
  },
  {
    key: 'my-unit',
    label: { zh: '本单位', en: 'My unit' },
    icon: <BankOutlined />,
    permission: 'myUnit.view',
    pages: [{ path: '/my-unit', page: lazy(() => import('./pages/MyUnitPage.js')) }],
  },
  {
    key: 'admin',
    label: { zh: '系统管理', en: 'Administration' },
    icon: <SettingOutlined />,
    // The office sees only the schedules here (to run a job now); everything else is the admin's.
    nav: [
      { path: '/admin/users', label: { zh: '用户管理', en: 'Users' }, permission: 'users.manage' },
      { path: '/admin/units', label: { zh: '单位管理', en: 'Units' }, permission: 'units.manage' },
      { path: '/admin/jobs', label: { zh: '定时任务', en: 'Scheduled jobs' }, permission: 'jobs.schedules.read' },
      { path: '/admin/calendar', label: { zh: '工作日历', en: 'Working-day calendar' }, permission: 'calendar.manage' },
    ],
    pages: [
      { path: '/admin/users', page: lazy(() => import('./pages/admin/UsersPage.js')), permission: 'users.manage' },
      { path: '/admin/units', page: lazy(() => import('./pages/admin/UnitsPage.js')), permission: 'units.manage' },
      { path: '/admin/jobs', page: lazy(() => import('./pages/admin/SchedulesPage.js')), permission: 'jobs.schedules.read' },
      { path: '/admin/calendar', page: lazy(() => import('./pages/admin/CalendarPage.js')), permission: 'calendar.manage' },
    ],
  },
  {
    key: 'audit',
    label: { zh: '审计日志', en: 'Audit log' },
    icon: <AuditOutlined />,
    permission: 'audit.read',
    pages: [{ path: '/audit', page: lazy(() => import('./pages/admin/AuditPage.js')) }],
  },
  {
    // The inbox is opened from the bell in the header, so it has no menu entry.
    key: 'notifications',
    label: { zh: '我的消息', en: 'My messages' },
    icon: <BellOutlined />,
    nav: [],
    pages: [{ path: '/notifications', page: lazy(() => import('./pages/notifications/InboxPage.js')) }],
  },
];

/**
 * Pages for everyone, without login (no personal data on them): they render the same with or
 * without a session, outside the application's frame.
 */
export const publicPages: { path: string; page: ReturnType<typeof lazy> }[] = [
  // services: the service guide (办事指南) per service and package
  { path: '/guide/:kind/:code', page: lazy(() => import('./pages/services/GuidePage.js')) },
  // enforcement: "一公开", the published inspection plans and results
  { path: '/public/inspections', page: lazy(() => import('./pages/enforcement/PublicPage.js')) },
  { path: '/public/inspections/:id', page: lazy(() => import('./pages/enforcement/PublicPage.js')) },
  // demands: the service-quality board and the rating page (好差评) reached by a one-time code
  { path: '/public/board', page: lazy(() => import('./pages/demands/BoardPage.js')) },
  { path: '/public/rate', page: lazy(() => import('./pages/demands/RatePage.js')) },
];
