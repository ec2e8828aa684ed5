import type { Role } from './roles.js';

const OFFICE = ['admin', 'office'] as const;
const CITY_READERS = ['admin', 'office', 'leader'] as const;
const UNIT = ['liaison', 'unit_head'] as const;
const WORKLIST_USERS = ['admin', 'office', 'leader', 'unit_head', 'liaison'] as const;
const POLICY_STAFF = ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison'] as const;

/**
 * Every named permission with the roles that hold it: the one source for route access
 * (`config.access`), service checks (`hasPermission`) and what the web shows (`GET /auth/me`
 * returns the caller's list). Route permissions are named `<module>.<what>`; the `*.view`
 * permissions decide which workspaces the menu offers a role (the system admin, who may call most
 * APIs for support, works in the administration pages and is not offered the office's workspaces).
 */
export const PERMISSIONS = {
  // — org —
  'units.resolve': ['admin', 'office', 'leader', 'specialist'],
  'units.manage': ['admin'],
  'users.manage': ['admin'],
  'audit.read': OFFICE,
  // — jobs and calendar —
  'jobs.schedules.read': OFFICE,
  'jobs.schedules.edit': ['admin'],
  'jobs.schedules.run': OFFICE,
  'calendar.manage': ['admin'],
  // — work lists —
  'worklists.view': ['office', 'leader', 'unit_head', 'liaison'],
  'worklists.read': WORKLIST_USERS,
  'worklists.manage': OFFICE,
  'worklists.review': OFFICE,
  'worklists.import': OFFICE,
  'worklists.export': OFFICE,
  'worklists.todo': ['admin', 'office', 'unit_head', 'liaison'],
  'worklists.start': [...OFFICE, ...UNIT],
  'worklists.selfScore': [...OFFICE, ...UNIT],
  'worklists.report': ['liaison'],
  'worklists.approve': ['unit_head'],
  'worklists.requestExtension': UNIT,
  'worklists.instruct': ['leader', 'admin'],
  'worklists.comment': WORKLIST_USERS,
  'worklists.evidence.upload': ['admin', 'office', 'unit_head', 'liaison'],
  // — indicators —
  'indicators.view': ['office', 'leader', 'unit_head', 'liaison'],
  'indicators.read': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'indicators.manage': OFFICE,
  'indicators.forecast': CITY_READERS,
  // — supervision —
  'supervision.view': ['office', 'leader', 'unit_head', 'liaison'],
  'supervision.cockpit.view': ['office', 'leader'],
  'supervision.cockpit': CITY_READERS,
  'supervision.settings.read': CITY_READERS,
  'supervision.manage': OFFICE,
  'supervision.notices.read': [...CITY_READERS, ...UNIT],
  'supervision.notices.reply': UNIT,
  'supervision.weekly.read': [...CITY_READERS, ...UNIT],
  'supervision.weekly.myUnit': UNIT,
  'supervision.bulletins.read': CITY_READERS,
  'supervision.meetings.read': CITY_READERS,
  // — policies (免申即享) —
  'policies.view': ['office', 'specialist'],
  'policies.enterprises.read': [...POLICY_STAFF, 'enterprise'],
  'policies.manage': OFFICE,
  'policies.rules.check': POLICY_STAFF,
  'policies.match': OFFICE,
  'policies.results.read': [...POLICY_STAFF, 'enterprise'],
  'policies.results.export': POLICY_STAFF,
  'policies.results.totals': ['admin', 'office', 'leader', 'specialist'],
  'policies.results.act': ['admin', 'office', 'specialist', 'enterprise'],
  'policies.results.notify': ['admin', 'office', 'specialist'],
  'policies.results.respond': ['admin', 'office', 'specialist', 'enterprise'],
  'policies.results.pay': OFFICE,
  'policies.portal': ['enterprise'],
  // — the unit's own page —
  'myUnit.view': UNIT,
  // — enforcement (法治环境) —
  // The specialist hears enterprises' complaints about enforcement: the page offers it only those (enforcement.complaints).
  'enforcement.view': ['office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'enforcement.read': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'enforcement.catalogue.edit': [...OFFICE, ...UNIT],
  'enforcement.plans.manage': [...OFFICE, ...UNIT],
  'enforcement.results.record': [...OFFICE, ...UNIT],
  'enforcement.credit.read': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'enterprise'],
  'enforcement.credit.manage': OFFICE,
  'enforcement.repair.apply': [...OFFICE, 'enterprise'],
  'enforcement.repair.review': [...OFFICE, ...UNIT],
  'enforcement.complaints': [...OFFICE, ...UNIT, 'specialist'],
  // — services (政务服务) —
  'services.view': ['office', 'leader'],
  'services.read': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'services.manage': OFFICE,
  'services.cases.record': ['admin', 'office', 'unit_head', 'liaison'],
  // — finance (融资环境) —
  'finance.view': ['office', 'leader', 'bank', 'enterprise'],
  'finance.read': CITY_READERS,
  'finance.manage': OFFICE,
  'finance.needs.read': [...CITY_READERS, 'bank', 'enterprise'],
  'finance.needs.file': [...OFFICE, 'enterprise'],
  'finance.respond': ['bank'],
  'finance.credit.record': [...OFFICE, 'bank'],
  'finance.export': CITY_READERS,
  // — procurement (串通投标预警) —
  'procurement.view': ['office', 'leader', 'unit_head', 'liaison'],
  'procurement.read': CITY_READERS,
  'procurement.import': OFFICE,
  'procurement.cases.read': [...CITY_READERS, ...UNIT],
  'procurement.cases.manage': OFFICE,
  'procurement.cases.evidence': [...OFFICE, ...UNIT],
  'procurement.campaigns.read': CITY_READERS,
  'procurement.campaigns.manage': OFFICE,
  // — data scope (h2-platform): which rows a caller sees, checked in services and pages, never declared by a route —
  'units.scope.all': ['admin', 'office', 'leader', 'specialist'],
  'units.scope.retired': OFFICE,
  /** an enterprise user sees the counties and zones (where it may be registered), not the departments */
  'units.scope.places': ['enterprise'],
  'jobs.runs.all': OFFICE,
  'worklists.scope.all': CITY_READERS,
  'worklists.scope.unit': UNIT,
  'indicators.scope.all': ['admin', 'office', 'leader', 'specialist'],
  'indicators.scope.unit': UNIT,
  'supervision.scope.all': CITY_READERS,
  'supervision.scope.unit': UNIT,
  /** the leader's home page is the cockpit */
  'supervision.cockpit.home': ['leader'],
  'policies.scope.all': ['admin', 'office', 'leader', 'specialist'],
  /** a county's or zone's staff see its enterprises, a department's staff the results of its own policies */
  'policies.scope.unit': UNIT,
  /** the caller speaks for its own (linked) enterprise */
  'policies.scope.enterprise': ['enterprise'],
  // — demands (企业诉求) —
  'demands.view': ['office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'demands.read': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'demands.intake': ['admin', 'office', 'specialist', 'enterprise'],
  'demands.dispatch': OFFICE,
  'demands.handle': UNIT,
  'demands.revealPhone': ['admin', 'office', 'specialist', 'unit_head', 'liaison'],
  'demands.knowledge': ['admin', 'office', 'specialist'],
  'demands.kpi': ['admin', 'office', 'leader', 'specialist'],
  'demands.manage': OFFICE,
  'demands.visits': ['admin', 'office', 'leader', 'specialist'],
  'enforcement.figures.publish': OFFICE,
  // — data scope of the newer modules (h7): replaces role-name checks in their services and pages —
  /** the city's staff see every ticket */
  'demands.scope.all': ['admin', 'office', 'leader', 'specialist'],
  /** a unit's people see the tickets dispatched to their unit */
  'demands.scope.unit': UNIT,
  /** an enterprise user files and sees the tickets of its own (linked) enterprise */
  'demands.scope.enterprise': ['enterprise'],
  /** the office acts for every department in enforcement (catalogue, plans, results, complaints) */
  'enforcement.scope.all': OFFICE,
  /** the leader reads every department's inspection plans without acting for them */
  'enforcement.scope.readAll': [...OFFICE, 'leader'],
  /** a unit's people act for, and list, their own unit only */
  'enforcement.scope.unit': UNIT,
  /** the enterprise-service specialist closes any complaint, not only those of a unit */
  'enforcement.scope.complaints': ['specialist'],
  /** an enterprise sees its own credit grade and repair applications only */
  'enforcement.scope.enterprise': ['enterprise'],
  /** a unit's people finish only the case steps assigned to their unit */
  'services.scope.unit': UNIT,
  /** the city's staff see every financing record */
  'finance.scope.all': CITY_READERS,
  /** a bank's account manager sees the needs published to his bank and his bank's answers */
  'finance.scope.bank': ['bank'],
  /** an enterprise sees its own financing needs */
  'finance.scope.enterprise': ['enterprise'],
  'enforcement.portal': ['enterprise'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The permissions a role holds, in table order (what `GET /auth/me` returns). */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSION_NAMES.filter((p) => hasPermission(role, p));
}
