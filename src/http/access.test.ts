import { expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PERMISSION_NAMES, type Permission, rolesWith } from '../common/permissions.js';
import { ROLES, type Role } from '../common/roles.js';
import { type Client, TEST_PASSWORD, describeEachDialect, login } from '../test/harness.js';

const ALL = 'authenticated' as const;
const PUBLIC = 'public' as const;
/** Other systems' routes (Open311): no session, the route checks its client key itself. */
const KEYED = 'apiKey' as const;
type Rule = typeof ALL | typeof PUBLIC | typeof KEYED | Role[];

/**
 * The expected allow/deny table for every API route. A route that is registered but missing here
 * fails the test, so nobody adds a route without deciding who may call it.
 */
const EXPECTED: Record<string, Rule> = {
  'GET /api/health': PUBLIC,
  'POST /api/v1/auth/login': PUBLIC,
  'POST /api/v1/auth/logout': ALL,
  'GET /api/v1/auth/me': ALL,
  'PATCH /api/v1/auth/me': ALL,
  'POST /api/v1/auth/password': ALL,
  'GET /api/v1/units': ALL,
  'GET /api/v1/units/resolve': ['admin', 'office', 'leader', 'specialist'],
  'GET /api/v1/units/:id': ALL,
  'POST /api/v1/units': ['admin'],
  'PATCH /api/v1/units/:id': ['admin'],
  'POST /api/v1/units/:id/merge': ['admin'],
  'POST /api/v1/units/:id/retire': ['admin'],
  'DELETE /api/v1/units/:id': ['admin'],
  'GET /api/v1/users': ['admin'],
  'GET /api/v1/users/:id': ['admin'],
  'POST /api/v1/users': ['admin'],
  'PATCH /api/v1/users/:id': ['admin'],
  'POST /api/v1/users/:id/reset-password': ['admin'],
  'POST /api/v1/users/:id/unlock': ['admin'],
  'GET /api/v1/audit': ['admin', 'office'],
  'GET /api/v1/jobs/schedules': ['admin', 'office'],
  'PATCH /api/v1/jobs/schedules/:name': ['admin'],
  'POST /api/v1/jobs/schedules/:name/run': ['admin', 'office'],
  'GET /api/v1/jobs/runs': ALL,
  'GET /api/v1/jobs/runs/:id': ALL,
  'GET /api/v1/notifications': ALL,
  'GET /api/v1/notifications/unread-count': ALL,
  'POST /api/v1/notifications/read': ALL,
  'GET /api/v1/notifications/contact': ALL,
  'PUT /api/v1/notifications/contact': ALL,
  'GET /api/v1/calendar': ALL,
  'POST /api/v1/calendar/days': ['admin'],
  'PATCH /api/v1/calendar/days/:id': ['admin'],
  'DELETE /api/v1/calendar/days/:id': ['admin'],
  'POST /api/v1/calendar/import': ['admin'],
  'POST /api/v1/items/:id/start': ['admin', 'office', 'liaison', 'unit_head'],
  'POST /api/v1/items/:id/reports': ['liaison'],
  'POST /api/v1/items/:id/reports/:reportId/approve': ['unit_head'],
  'POST /api/v1/items/:id/reports/:reportId/send-back': ['unit_head'],
  'POST /api/v1/items/:id/reports/:reportId/accept': ['admin', 'office'],
  'POST /api/v1/items/:id/reports/:reportId/return': ['admin', 'office'],
  'POST /api/v1/items/:id/reopen': ['admin', 'office'],
  'POST /api/v1/items/:id/self-score': ['admin', 'office', 'liaison', 'unit_head'],
  'POST /api/v1/items/:id/stage': ['admin', 'office'],
  'POST /api/v1/items/:id/extensions': ['liaison', 'unit_head'],
  'POST /api/v1/items/:id/extensions/:extensionId/decision': ['admin', 'office'],
  'POST /api/v1/items/:id/instructions': ['leader', 'admin'],
  'POST /api/v1/items/:id/comments': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/items/:id/evidence': ['admin', 'office', 'unit_head', 'liaison'],
  'GET /api/v1/items/:id/evidence/:evidenceId': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'GET /api/v1/worklists': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/worklists': ['admin', 'office'],
  'PATCH /api/v1/worklists/:id': ['admin', 'office'],
  'DELETE /api/v1/worklists/:id': ['admin', 'office'],
  'GET /api/v1/items': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'GET /api/v1/items/todo': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'GET /api/v1/items/case-board': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'GET /api/v1/items/saved-filters': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/items/saved-filters': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'DELETE /api/v1/items/saved-filters/:id': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/items': ['admin', 'office'],
  'GET /api/v1/items/:id': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'PATCH /api/v1/items/:id': ['admin', 'office'],
  'POST /api/v1/worklists/imports': ['admin', 'office'],
  'POST /api/v1/worklists/imports/commit': ['admin', 'office'],
  'POST /api/v1/worklists/imports/commit-job': ['admin', 'office'],
  'GET /api/v1/worklists/export': ['admin', 'office'],
  'GET /api/v1/indicators/catalogue': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/indicators/catalogue': ['admin', 'office'],
  'PATCH /api/v1/indicators/catalogue/:id': ['admin', 'office'],
  'GET /api/v1/indicators/values': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/indicators/values': ['admin', 'office'],
  'PATCH /api/v1/indicators/values/:id': ['admin', 'office'],
  'GET /api/v1/indicators/values/:id/history': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/indicators/values/import': ['admin', 'office'],
  'GET /api/v1/indicators/values/template.xlsx': ['admin', 'office'],
  'GET /api/v1/indicators/targets': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'PUT /api/v1/indicators/targets': ['admin', 'office'],
  'GET /api/v1/indicators/methods': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'GET /api/v1/indicators/methods/:method': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/indicators/score': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'GET /api/v1/indicators/scores': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/indicators/peers/import': ['admin', 'office'],
  'GET /api/v1/indicators/forecast': ['admin', 'office', 'leader'],
  'GET /api/v1/indicators/forecast/export': ['admin', 'office', 'leader'],
  'GET /api/v1/indicators/rollup': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'GET /api/v1/supervision/settings': ['admin', 'office', 'leader'],
  'PUT /api/v1/supervision/settings/escalation': ['admin', 'office'],
  'PUT /api/v1/supervision/settings/score': ['admin', 'office'],
  'POST /api/v1/supervision/escalation/run': ['admin', 'office'],
  'GET /api/v1/supervision/notices': ['admin', 'office', 'leader', 'liaison', 'unit_head'],
  'POST /api/v1/supervision/notices/:id/reply': ['liaison', 'unit_head'],
  'GET /api/v1/supervision/weekly': ['admin', 'office', 'leader', 'liaison', 'unit_head'],
  'POST /api/v1/supervision/weekly': ['admin', 'office'],
  'GET /api/v1/supervision/weekly/:id': ['admin', 'office', 'leader', 'liaison', 'unit_head'],
  'GET /api/v1/supervision/weekly/:id/export.xlsx': ['admin', 'office', 'leader', 'liaison', 'unit_head'],
  'GET /api/v1/supervision/weekly/my-unit': ['liaison', 'unit_head'],
  'GET /api/v1/supervision/bulletins': ['admin', 'office', 'leader'],
  'POST /api/v1/supervision/bulletins': ['admin', 'office'],
  'GET /api/v1/supervision/bulletins/:id': ['admin', 'office', 'leader'],
  'PATCH /api/v1/supervision/bulletins/:id': ['admin', 'office'],
  'POST /api/v1/supervision/bulletins/:id/publish': ['admin', 'office'],
  'GET /api/v1/supervision/bulletins/:id/document.docx': ['admin', 'office', 'leader'],
  'GET /api/v1/supervision/bulletins/:id/document.pdf': ['admin', 'office', 'leader'],
  'GET /api/v1/supervision/meetings': ['admin', 'office', 'leader'],
  'POST /api/v1/supervision/meetings': ['admin', 'office'],
  'GET /api/v1/supervision/meetings/:id': ['admin', 'office', 'leader'],
  'POST /api/v1/supervision/meetings/:id/decisions': ['admin', 'office'],
  'GET /api/v1/supervision/cockpit': ['admin', 'office', 'leader'],
  'GET /api/v1/policies/enterprises': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'GET /api/v1/policies/enterprises/:id': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'POST /api/v1/policies/enterprises': ['admin', 'office'],
  'PATCH /api/v1/policies/enterprises/:id': ['admin', 'office'],
  'POST /api/v1/policies/enterprises/import': ['admin', 'office'],
  'GET /api/v1/policies/enterprises/:id/explain': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'GET /api/v1/policies': ALL,
  'GET /api/v1/policies/:id': ALL,
  'POST /api/v1/policies': ['admin', 'office'],
  'PATCH /api/v1/policies/:id': ['admin', 'office'],
  'POST /api/v1/policies/:id/benefits': ['admin', 'office'],
  'PATCH /api/v1/policies/benefits/:id': ['admin', 'office'],
  'POST /api/v1/policies/rules/check': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison'],
  'POST /api/v1/policies/match': ['admin', 'office'],
  'GET /api/v1/policies/results': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'GET /api/v1/policies/results/export': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison'],
  'GET /api/v1/policies/results/totals': ['admin', 'office', 'leader', 'specialist'],
  'GET /api/v1/policies/results/:id': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'POST /api/v1/policies/results/:id/actions': ['admin', 'office', 'specialist', 'enterprise'],
  'GET /api/v1/policies/portal': ['enterprise'],
  // enforcement
  'GET /api/v1/enforcement/matters': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/enforcement/matters': ['admin', 'office', 'liaison', 'unit_head'],
  'GET /api/v1/enforcement/matters/export.xlsx': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/enforcement/matters/import': ['admin', 'office', 'liaison', 'unit_head'],
  'GET /api/v1/enforcement/officers': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/enforcement/officers': ['admin', 'office', 'liaison', 'unit_head'],
  'PATCH /api/v1/enforcement/officers/:id': ['admin', 'office', 'liaison', 'unit_head'],
  'GET /api/v1/enforcement/recusals': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/enforcement/recusals': ['admin', 'office', 'liaison', 'unit_head'],
  'GET /api/v1/enforcement/waivers': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/enforcement/waivers': ['admin', 'office', 'liaison', 'unit_head'],
  'GET /api/v1/enforcement/documents': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/enforcement/documents': ['admin', 'office', 'liaison', 'unit_head'],
  'POST /api/v1/enforcement/documents/:id/reviews': ['admin', 'office', 'liaison', 'unit_head'],
  'GET /api/v1/enforcement/plans': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/enforcement/plans': ['admin', 'office', 'liaison', 'unit_head'],
  'GET /api/v1/enforcement/plans/:id': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/enforcement/plans/:id/commit': ['admin', 'office', 'liaison', 'unit_head'],
  'POST /api/v1/enforcement/plans/:id/draw': ['admin', 'office', 'liaison', 'unit_head'],
  'GET /api/v1/enforcement/plans/:id/verify': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/enforcement/plans/:id/results': ['admin', 'office', 'liaison', 'unit_head'],
  'POST /api/v1/enforcement/plans/:id/publish': ['admin', 'office', 'liaison', 'unit_head'],
  'POST /api/v1/enforcement/results/:id/rectified': ['admin', 'office', 'liaison', 'unit_head'],
  'GET /api/v1/enforcement/credit/:id': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'enterprise'],
  'POST /api/v1/enforcement/credit/records': ['admin', 'office'],
  'POST /api/v1/enforcement/credit/regrade': ['admin', 'office'],
  'GET /api/v1/enforcement/repairs': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'enterprise'],
  'POST /api/v1/enforcement/repairs': ['admin', 'office', 'enterprise'],
  'POST /api/v1/enforcement/repairs/:id/review': ['admin', 'office', 'liaison', 'unit_head'],
  'GET /api/v1/enforcement/complaints': ['admin', 'office', 'liaison', 'unit_head', 'specialist'],
  'POST /api/v1/enforcement/complaints': ['admin', 'office', 'liaison', 'unit_head', 'specialist'],
  'POST /api/v1/enforcement/complaints/:id/close': ['admin', 'office', 'liaison', 'unit_head', 'specialist'],
  'GET /api/v1/enforcement/figures': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/enforcement/figures/publish': ['admin', 'office'],
  'GET /api/v1/enforcement/credit/mine': ['enterprise'],
  'GET /api/v1/enforcement/public/plans': PUBLIC,
  'GET /api/v1/enforcement/public/plans/:id': PUBLIC,
  'GET /api/v1/enforcement/public/plans/:id/snapshot': PUBLIC,
  'GET /api/v1/enforcement/public/verify-draw.py': PUBLIC,
  // services: the office manages the catalogue, packages and network; departments record their steps; the guide is public
  'GET /api/v1/services/catalogue': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/services/catalogue': ['admin', 'office'],
  'PATCH /api/v1/services/catalogue/:id': ['admin', 'office'],
  'GET /api/v1/services/catalogue/export': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/services/catalogue/import': ['admin', 'office'],
  'GET /api/v1/services/rates': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/services/rates/publish': ['admin', 'office'],
  'GET /api/v1/services/rounds': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/services/rounds': ['admin', 'office'],
  'GET /api/v1/services/rounds/:id': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'GET /api/v1/services/packages': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/services/packages': ['admin', 'office'],
  'GET /api/v1/services/packages/stats': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'GET /api/v1/services/packages/missed': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'GET /api/v1/services/packages/:id': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/services/packages/:id/problem-item': ['admin', 'office'],
  'POST /api/v1/services/packages/:id/cases': ['admin', 'office', 'unit_head', 'liaison'],
  'GET /api/v1/services/cases/:id': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/services/cases/:id/steps/:stepId': ['admin', 'office', 'unit_head', 'liaison'],
  'GET /api/v1/services/startup': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'GET /api/v1/services/network': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/services/network': ['admin', 'office'],
  'GET /api/v1/services/network/coverage': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'GET /api/v1/services/assistants': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/services/assistants': ['admin', 'office'],
  'PUT /api/v1/services/assistants/:id/rating-code': ['admin', 'office'],
  'GET /api/v1/services/assisted-cases': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'POST /api/v1/services/assisted-cases': ['admin', 'office'],
  'POST /api/v1/services/assisted-cases/:id/rating': ['admin', 'office'],
  'POST /api/v1/services/assisted-cases/import': ['admin', 'office'],
  'GET /api/v1/services/assisted-cases/monthly': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'GET /api/v1/services/summary': ['admin', 'office', 'leader', 'unit_head', 'liaison', 'specialist'],
  'GET /api/v1/services/public/guide/services/:code': PUBLIC,
  'GET /api/v1/services/public/guide/packages/:code': PUBLIC,
  // finance: the city's staff read, the office manages; a bank answers and records its credit; an enterprise files its own needs
  'GET /api/v1/finance/banks': ['admin', 'office', 'leader'],
  'POST /api/v1/finance/banks': ['admin', 'office'],
  'POST /api/v1/finance/banks/:id/users': ['admin', 'office'],
  'GET /api/v1/finance/users': ['admin', 'office'],
  'GET /api/v1/finance/projects': ['admin', 'office', 'leader'],
  'POST /api/v1/finance/projects': ['admin', 'office'],
  'GET /api/v1/finance/needs': ['admin', 'office', 'leader', 'bank', 'enterprise'],
  'GET /api/v1/finance/needs/:id': ['admin', 'office', 'leader', 'bank', 'enterprise'],
  'POST /api/v1/finance/needs': ['admin', 'office', 'enterprise'],
  'POST /api/v1/finance/needs/:id/publish': ['admin', 'office'],
  'POST /api/v1/finance/publications/:id/respond': ['bank'],
  'POST /api/v1/finance/publications/:id/grant': ['admin', 'office', 'bank'],
  'POST /api/v1/finance/publications/:id/land': ['admin', 'office', 'bank'],
  'GET /api/v1/finance/events': ['admin', 'office', 'leader'],
  'GET /api/v1/finance/events/:id': ['admin', 'office', 'leader'],
  'POST /api/v1/finance/events': ['admin', 'office'],
  'POST /api/v1/finance/events/:id/followups': ['admin', 'office'],
  'POST /api/v1/finance/events/:id/followups/:followupId/done': ['admin', 'office'],
  'GET /api/v1/finance/desk': ['admin', 'office', 'leader'],
  'POST /api/v1/finance/desk': ['admin', 'office'],
  'POST /api/v1/finance/desk/:id/steps': ['admin', 'office'],
  'POST /api/v1/finance/desk/steps/:id/done': ['admin', 'office'],
  'POST /api/v1/finance/desk/escalate': ['admin', 'office'],
  'GET /api/v1/finance/listing': ['admin', 'office', 'leader'],
  'POST /api/v1/finance/listing': ['admin', 'office'],
  'POST /api/v1/finance/listing/:id/stage': ['admin', 'office'],
  'POST /api/v1/finance/listing/:id/services': ['admin', 'office'],
  'POST /api/v1/finance/listing/:id/subsidies': ['admin', 'office'],
  'GET /api/v1/finance/stats': ['admin', 'office', 'leader'],
  'POST /api/v1/finance/region-stats': ['admin', 'office'],
  'POST /api/v1/finance/stats/:period/indicators': ['admin', 'office'],
  'GET /api/v1/finance/returns/template.xlsx': ['admin', 'office', 'bank'],
  'POST /api/v1/finance/returns': ['admin', 'office', 'bank'],
  'GET /api/v1/finance/export/:list': ['admin', 'office', 'leader'],
  // procurement: the office screens and decides; leaders read; a unit sees the cases sent to it and adds evidence
  'POST /api/v1/procurement/imports': ['admin', 'office'],
  'GET /api/v1/procurement/tenders': ['admin', 'office', 'leader'],
  'GET /api/v1/procurement/tenders/:id': ['admin', 'office', 'leader'],
  'GET /api/v1/procurement/groups': ['admin', 'office', 'leader'],
  'GET /api/v1/procurement/groups/:id/network': ['admin', 'office', 'leader'],
  'GET /api/v1/procurement/bidders/:bidderId': ['admin', 'office', 'leader'],
  'GET /api/v1/procurement/parties/flags': ['admin', 'office', 'leader'],
  'GET /api/v1/procurement/figures': ['admin', 'office', 'leader'],
  'PUT /api/v1/procurement/expert-pool/:month': ['admin', 'office'],
  'GET /api/v1/procurement/cases': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/procurement/cases': ['admin', 'office'],
  'GET /api/v1/procurement/cases/:id': ['admin', 'office', 'leader', 'unit_head', 'liaison'],
  'POST /api/v1/procurement/cases/:id/verify': ['admin', 'office'],
  'POST /api/v1/procurement/cases/:id/evidence': ['admin', 'office', 'unit_head', 'liaison'],
  'POST /api/v1/procurement/cases/:id/outcome': ['admin', 'office'],
  'GET /api/v1/procurement/campaigns': ['admin', 'office', 'leader'],
  'POST /api/v1/procurement/campaigns': ['admin', 'office'],
  'GET /api/v1/procurement/campaigns/:id': ['admin', 'office', 'leader'],
  'POST /api/v1/procurement/campaigns/:id/projects': ['admin', 'office'],
  'POST /api/v1/procurement/campaigns/:id/projects/import': ['admin', 'office'],
  'POST /api/v1/procurement/campaigns/:id/problems': ['admin', 'office'],
  'POST /api/v1/procurement/campaigns/:id/problems/:problemId/verify': ['admin', 'office'],
  // — demands: the desk and the office run the loop, units act on their own tickets, anyone may rate or read the board —
  'GET /api/v1/demands': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'POST /api/v1/demands': ['admin', 'office', 'specialist', 'enterprise'],
  'GET /api/v1/demands/duplicates': ['admin', 'office', 'specialist', 'enterprise'],
  'GET /api/v1/demands/public/board': PUBLIC,
  'POST /api/v1/demands/public/rate': PUBLIC,
  'POST /api/v1/demands/public/rating-codes/:code/ratings': PUBLIC,
  'GET /api/v1/demands/rating-codes': ['admin', 'office'],
  'POST /api/v1/demands/rating-codes': ['admin', 'office'],
  'POST /api/v1/demands/rating-codes/:id/retire': ['admin', 'office'],
  'GET /api/v1/demands/kpi': ['admin', 'office', 'leader', 'specialist'],
  'GET /api/v1/demands/kpi/export': ['admin', 'office', 'leader', 'specialist'],
  'GET /api/v1/demands/knowledge': ['admin', 'office', 'specialist'],
  'POST /api/v1/demands/knowledge': ['admin', 'office'],
  'PUT /api/v1/demands/knowledge/:id': ['admin', 'office'],
  'DELETE /api/v1/demands/knowledge/:id': ['admin', 'office'],
  'GET /api/v1/demands/subjects': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'POST /api/v1/demands/subjects': ['admin', 'office'],
  'GET /api/v1/demands/route-rules': ['admin', 'office'],
  'POST /api/v1/demands/route-rules': ['admin', 'office'],
  'PUT /api/v1/demands/route-rules/:id': ['admin', 'office'],
  'DELETE /api/v1/demands/route-rules/:id': ['admin', 'office'],
  'GET /api/v1/demands/deadlines': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'PUT /api/v1/demands/deadlines': ['admin', 'office'],
  'POST /api/v1/demands/visits': ['admin', 'office', 'leader', 'specialist'],
  'POST /api/v1/demands/import': ['admin', 'office'],
  'GET /api/v1/demands/hot-issues': ['admin', 'office'],
  'PUT /api/v1/demands/key-enterprises': ['admin', 'office'],
  // — Open311 GeoReport v2 (a root route outside /api/v1): public reads, a POST with a client's key; each as .json and .xml —
  'GET /open311/v2/services.json': PUBLIC,
  'GET /open311/v2/services.xml': PUBLIC,
  'GET /open311/v2/services/:code': PUBLIC,
  'POST /open311/v2/requests.json': KEYED,
  'POST /open311/v2/requests.xml': KEYED,
  'GET /open311/v2/requests.json': PUBLIC,
  'GET /open311/v2/requests.xml': PUBLIC,
  'GET /open311/v2/requests/:id': PUBLIC,
  'GET /open311/v2/tokens/:token': PUBLIC,
  'GET /api/v1/demands/:id': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'GET /api/v1/demands/:id/attachments': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'POST /api/v1/demands/:id/attachments': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'GET /api/v1/demands/:id/attachments/:attachmentId': ['admin', 'office', 'leader', 'specialist', 'unit_head', 'liaison', 'enterprise'],
  'POST /api/v1/demands/:id/phone': ['admin', 'office', 'specialist', 'unit_head', 'liaison'],
  'POST /api/v1/demands/:id/dispatch': ['admin', 'office'],
  'POST /api/v1/demands/:id/sign-for': ['liaison', 'unit_head'],
  'POST /api/v1/demands/:id/send-back': ['liaison', 'unit_head'],
  'POST /api/v1/demands/:id/send-back-decision': ['admin', 'office'],
  'POST /api/v1/demands/:id/answer': ['liaison', 'unit_head'],
  'POST /api/v1/demands/:id/respondent': ['liaison', 'unit_head'],
  'POST /api/v1/demands/:id/extension': ['liaison', 'unit_head'],
  'POST /api/v1/demands/:id/extension-decision': ['admin', 'office'],
  'POST /api/v1/demands/:id/follow-up': ['admin', 'office'],
  'POST /api/v1/demands/:id/close': ['admin', 'office'],
  'POST /api/v1/demands/:id/merge': ['admin', 'office'],
};

function allowed(rule: Rule, role: Role | null): boolean {
  if (rule === PUBLIC) return true;
  if (role === null || rule === KEYED) return false;
  return rule === ALL || rule.includes(role);
}

/** A harmless request: unknown ids and an empty body, so an allowed call fails validation or finds nothing. */
function concreteUrl(url: string): string {
  return url.replace(/:id\b/g, '999999').replace(/:(\w+)/g, 'x');
}

/**
 * The workspaces each role is offered in the web menu (the `*.view` permissions): the office's
 * workspaces to the office's people, the administration to the admin, the policies to the
 * specialist, the unit page to the unit roles.
 */
const VIEWS: Record<Role, string[]> = {
  admin: [],
  office: [
    'worklists.view',
    'indicators.view',
    'supervision.view',
    'supervision.cockpit.view',
    'policies.view',
    'demands.view',
    'services.view',
    'enforcement.view',
    'finance.view',
    'procurement.view',
  ],
  leader: [
    'worklists.view',
    'indicators.view',
    'supervision.view',
    'supervision.cockpit.view',
    'demands.view',
    'services.view',
    'enforcement.view',
    'finance.view',
    'procurement.view',
  ],
  unit_head: [
    'worklists.view',
    'indicators.view',
    'supervision.view',
    'myUnit.view',
    'demands.view',
    'enforcement.view',
    'procurement.view',
  ],
  liaison: ['worklists.view', 'indicators.view', 'supervision.view', 'myUnit.view', 'demands.view', 'enforcement.view', 'procurement.view'],
  specialist: ['policies.view', 'demands.view', 'enforcement.view'],
  enterprise: ['demands.view', 'finance.view'],
  bank: ['finance.view'],
};

/** Permissions that no route declares but a service or a page checks (each must be named in the code). */
const CHECKED_IN_CODE = [
  'worklists.todo',
  'policies.results.notify',
  'policies.results.respond',
  'policies.results.pay',
  // — data scope (h2-platform) —
  'units.scope.all',
  'units.scope.retired',
  'units.scope.places',
  'jobs.runs.all',
  'worklists.scope.all',
  'worklists.scope.unit',
  'indicators.scope.all',
  'indicators.scope.unit',
  'supervision.scope.all',
  'supervision.scope.unit',
  'supervision.cockpit.home',
  'policies.scope.all',
  'policies.scope.unit',
  'policies.scope.enterprise',
  // — data scope of the newer modules (h7) —
  'demands.scope.all',
  'demands.scope.unit',
  'demands.scope.enterprise',
  'enforcement.scope.all',
  'enforcement.scope.readAll',
  'enforcement.scope.unit',
  'enforcement.scope.complaints',
  'enforcement.scope.enterprise',
  'services.scope.unit',
  'finance.scope.all',
  'finance.scope.bank',
  'finance.scope.enterprise',
];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every .ts/.tsx source file under a folder, tests and the permission table itself left out. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((d) => {
    const file = path.join(d.parentPath, d.name);
    const wanted = d.isFile() && /\.tsx?$/.test(d.name) && !/\.test\.ts$/.test(d.name);
    return wanted && !file.endsWith(path.join('common', 'permissions.ts')) ? [file] : [];
  });
}

describeEachDialect('route access table', (h) => {
  const routePermissions = () =>
    new Set(
      h.app.routeAccess.map((r) => r.access).filter((a): a is Permission => a !== 'public' && a !== 'authenticated' && a !== 'apiKey'),
    );

  it('uses every permission of the table: a route declares it, or the code checks it by name', () => {
    const declared = routePermissions();
    const files = [...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'web/src'))];
    const code = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const unused = PERMISSION_NAMES.filter((p) => !declared.has(p) && !code.includes(`'${p}'`));
    expect(unused, 'permissions nobody uses').toEqual([]);
    const notInRoutes = PERMISSION_NAMES.filter((p) => !declared.has(p) && !p.endsWith('.view'));
    expect(notInRoutes.sort(), 'permissions checked only in code').toEqual([...CHECKED_IN_CODE].sort());
  });

  it('GET /auth/me lists exactly what the role may call, and the workspaces the menu offers it', async () => {
    for (const role of ROLES) {
      const me = await (await h.as(role)).get('/api/v1/auth/me');
      expect(me.statusCode).toBe(200);
      const got: string[] = me.json().permissions;
      // A route permission is the role's when the independent table lets the role call every route declaring it.
      const fromRoutes = [...routePermissions()].filter((p) =>
        h.app.routeAccess.filter((r) => r.access === p).every((r) => allowed(EXPECTED[`${r.method} ${r.url}`], role)),
      );
      expect(got.filter((p) => routePermissions().has(p as Permission)).sort(), role).toEqual(fromRoutes.sort());
      expect(got.filter((p) => p.endsWith('.view')).sort(), role).toEqual([...VIEWS[role]].sort());
    }
    const specialist: string[] = (await (await h.as('specialist')).get('/api/v1/auth/me')).json().permissions;
    // The specialist follows matches through but neither starts a bulk match nor records a payout.
    expect(specialist).toEqual(expect.arrayContaining(['policies.results.notify', 'policies.results.respond']));
    expect(specialist).not.toContain('policies.match');
    expect(specialist).not.toContain('policies.results.pay');
  });

  it('lists every registered API route in the expected table, and no stale entries', () => {
    const registered = h.app.routeAccess.filter((r) => !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter((k) => !(k in EXPECTED));
    expect(missing, 'routes without an entry in EXPECTED').toEqual([]);
    expect(
      Object.keys(EXPECTED).filter((k) => !registered.includes(k)),
      'stale entries',
    ).toEqual([]);
  });

  it('declares the same rule as the table for every route', () => {
    for (const r of h.app.routeAccess.filter((x) => !x.url.startsWith('/api/docs'))) {
      const rule = EXPECTED[`${r.method} ${r.url}`];
      // A permission name stands for the roles the permission table gives it.
      const declared =
        r.access === 'public' || r.access === 'authenticated' || r.access === 'apiKey' ? r.access : [...rolesWith(r.access)].sort();
      expect(declared, `${r.method} ${r.url}`).toEqual(typeof rule === 'string' ? rule : [...rule].sort());
    }
  });

  it('enforces the table: anonymous → 401, other roles → 403, allowed roles pass the gate', async () => {
    const clients = new Map<Role, Client>();
    const fresh = async (role: Role) => {
      clients.set(role, await login(h.app, role, TEST_PASSWORD));
      return clients.get(role)!;
    };
    for (const role of ROLES) await fresh(role);
    const failures: string[] = [];
    for (const route of h.app.routeAccess.filter((r) => !r.url.startsWith('/api/docs'))) {
      const rule = EXPECTED[`${route.method} ${route.url}`];
      const url = concreteUrl(route.url);
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      if (rule === KEYED) {
        // No session stands in for a client key: without one, everybody gets the spec's 403.
        for (const c of [null, ...ROLES.map((r) => clients.get(r)!)]) {
          const res = c
            ? await c.request(route.method as 'GET', url, body)
            : await h.app.inject({ method: route.method as 'GET', url, payload: body });
          if (res.statusCode !== 403 || !/"code":403|<code>403<\/code>/.test(res.body))
            failures.push(`keyed ${route.method} ${route.url} → ${res.statusCode}`);
        }
        continue;
      }
      const anon = await h.app.inject({ method: route.method as 'GET', url, ...(body ? { payload: body } : {}) });
      if (allowed(rule, null) ? anon.statusCode === 401 || anon.statusCode === 403 : anon.statusCode !== 401) {
        failures.push(`anonymous ${route.method} ${route.url} → ${anon.statusCode}`);
      }
      for (const role of ROLES) {
        const c = clients.get(role)!;
        const res = await c.request(route.method as 'GET', url, body);
        const gateDenied = res.statusCode === 401 || (res.statusCode === 403 && ['FORBIDDEN', 'CSRF_INVALID'].includes(res.json().code));
        if (allowed(rule, role) === gateDenied)
          failures.push(`${role} ${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 80)}`);
        // A call such as logout ends the session: log in again for the next route.
        if ((await c.get('/api/v1/auth/me')).statusCode === 401) await fresh(role);
      }
    }
    expect(failures).toEqual([]);
    // About a thousand requests plus a fresh argon2 login after every logout.
  }, 180_000);
});
