import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FundOutlined,
  LineChartOutlined,
  SettingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { ROLES } from '../../src/common/roles.js';
import type { WebModule } from './registry.js';

/**
 * The modules of the web client, in menu order. To add your module's pages:
 *
 *   1. write `web/src/pages/<module>/SomePage.tsx` with a default-exported component;
 *   2. give your entry below `pages: [{ path: '/<module>', page: lazy(() => import('./pages/<module>/SomePage.js')) }]`
 *      (more pages: more entries, e.g. `/<module>/:id`; `roles` on an entry narrows who may open it);
 *   3. optionally `nav: [...]` for several menu entries (a module with more than one becomes a group).
 *
 * A module without `pages` shows "not available yet" on `/<key>/*`. Roles here decide only what the
 * menu and router offer; the server checks every API call on its own.
 */
export const webModules: WebModule[] = [
  {
    key: 'cockpit',
    label: { zh: '驾驶舱', en: 'Cockpit' },
    icon: <DashboardOutlined />,
    roles: ['leader', 'office'],
    pages: [{ path: '/cockpit', page: lazy(() => import('./pages/supervision/CockpitPage.js')) }],
  },
  {
    key: 'worklists',
    label: { zh: '四表一单', en: 'Work lists' },
    icon: <UnorderedListOutlined />,
    roles: ['office', 'leader', 'unit_head', 'liaison'],
    pages: [
      { path: '/worklists', page: lazy(() => import('./pages/worklists/ItemsPage.js')) },
      { path: '/worklists/todo', page: lazy(() => import('./pages/worklists/TodoPage.js')), roles: ['office', 'admin', 'unit_head', 'liaison'] },
      { path: '/worklists/cases', page: lazy(() => import('./pages/worklists/CaseBoardPage.js')) },
      { path: '/worklists/items/:id', page: lazy(() => import('./pages/worklists/ItemPage.js')) },
      { path: '/worklists/import', page: lazy(() => import('./pages/worklists/ImportPage.js')), roles: ['office', 'admin'] },
      { path: '/worklists/lists', page: lazy(() => import('./pages/worklists/ListsPage.js')), roles: ['office', 'admin'] },
    ],
  },
  {
    key: 'supervision',
    label: { zh: '督查督办', en: 'Supervision' },
    icon: <AlertOutlined />,
    roles: ['office', 'leader', 'unit_head', 'liaison'],
    nav: [{ path: '/supervision/weekly', label: { zh: '督查督办', en: 'Supervision' } }],
    pages: [
      { path: '/supervision', page: lazy(() => import('./pages/supervision/WeeklyPage.js')) },
      { path: '/supervision/weekly', page: lazy(() => import('./pages/supervision/WeeklyPage.js')) },
      { path: '/supervision/notices', page: lazy(() => import('./pages/supervision/NoticesPage.js')) },
      { path: '/supervision/bulletins', page: lazy(() => import('./pages/supervision/BulletinsPage.js')), roles: ['office', 'leader'] },
      { path: '/supervision/bulletins/:id', page: lazy(() => import('./pages/supervision/BulletinPage.js')), roles: ['office', 'leader'] },
      { path: '/supervision/meetings', page: lazy(() => import('./pages/supervision/MeetingsPage.js')), roles: ['office', 'leader'] },
    ],
  },
  {
    key: 'indicators',
    label: { zh: '指标监测', en: 'Indicators' },
    icon: <LineChartOutlined />,
    roles: ['office', 'leader', 'unit_head', 'liaison'],
    pages: [
      { path: '/indicators', page: lazy(() => import('./pages/indicators/IndicatorsPage.js')) },
      { path: '/indicators/forecast', page: lazy(() => import('./pages/indicators/ForecastPage.js')), roles: ['office', 'leader'] },
    ],
  },
  {
    key: 'policies',
    label: { zh: '惠企政策', en: 'Policies' },
    icon: <FileProtectOutlined />,
    roles: ['office', 'specialist', 'enterprise'],
    nav: [
      { path: '/policies', label: { zh: '政策库与规则', en: 'Library and rules' }, roles: ['office', 'specialist'] },
      { path: '/policies/match', label: { zh: '匹配与兑现', en: 'Matching and payouts' }, roles: ['office', 'specialist'] },
      { path: '/policies/portal', label: { zh: '我的政策', en: 'My policies' }, roles: ['enterprise'] },
    ],
    pages: [
      { path: '/policies', page: lazy(() => import('./pages/policies/PoliciesPage.js')), roles: ['office', 'specialist'] },
      { path: '/policies/match', page: lazy(() => import('./pages/policies/MatchPage.js')), roles: ['office', 'specialist'] },
      { path: '/policies/portal', page: lazy(() => import('./pages/policies/PortalPage.js')), roles: ['enterprise'] },
    ],
  },
  {
    key: 'demands',
    label: { zh: '企业诉求', en: 'Demands' },
    icon: <CustomerServiceOutlined />,
    roles: ['office', 'specialist', 'enterprise'],
  },
  {
    key: 'procurement',
    label: { zh: '串通投标预警', en: 'Bid collusion' },
    icon: <FundOutlined />,
    roles: ['office', 'leader'],
  },
  {
    key: 'my-unit',
    label: { zh: '本单位', en: 'My unit' },
    icon: <BankOutlined />,
    roles: ['unit_head', 'liaison'],
    pages: [{ path: '/my-unit', page: lazy(() => import('./pages/MyUnitPage.js')) }],
  },
  {
    key: 'admin',
    label: { zh: '系统管理', en: 'Administration' },
    icon: <SettingOutlined />,
    // The office sees only the schedules here (to run a job now); everything else is the admin's.
    roles: ['admin', 'office'],
    nav: [
      { path: '/admin/users', label: { zh: '用户管理', en: 'Users' }, roles: ['admin'] },
      { path: '/admin/units', label: { zh: '单位管理', en: 'Units' }, roles: ['admin'] },
      { path: '/admin/jobs', label: { zh: '定时任务', en: 'Scheduled jobs' } },
      { path: '/admin/calendar', label: { zh: '工作日历', en: 'Working-day calendar' }, roles: ['admin'] },
    ],
    pages: [
      { path: '/admin/users', page: lazy(() => import('./pages/admin/UsersPage.js')), roles: ['admin'] },
      { path: '/admin/units', page: lazy(() => import('./pages/admin/UnitsPage.js')), roles: ['admin'] },
      { path: '/admin/jobs', page: lazy(() => import('./pages/admin/SchedulesPage.js')) },
      { path: '/admin/calendar', page: lazy(() => import('./pages/admin/CalendarPage.js')), roles: ['admin'] },
    ],
  },
  {
    key: 'audit',
    label: { zh: '审计日志', en: 'Audit log' },
    icon: <AuditOutlined />,
    roles: ['admin', 'office'],
    pages: [{ path: '/audit', page: lazy(() => import('./pages/admin/AuditPage.js')) }],
  },
  {
    // The inbox is opened from the bell in the header, so it has no menu entry.
    key: 'notifications',
    label: { zh: '我的消息', en: 'My messages' },
    icon: <BellOutlined />,
    roles: ROLES,
    nav: [],
    pages: [{ path: '/notifications', page: lazy(() => import('./pages/notifications/InboxPage.js')) }],
  },
];
