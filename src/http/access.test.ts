import { expect, it } from 'vitest';
import { ROLES, type Role } from '../common/roles.js';
import { type Client, TEST_PASSWORD, describeEachDialect, login } from '../test/harness.js';

const ALL = 'authenticated' as const;
const PUBLIC = 'public' as const;
type Rule = typeof ALL | typeof PUBLIC | Role[];

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
  // supervision
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
};

function allowed(rule: Rule, role: Role | null): boolean {
  if (rule === PUBLIC) return true;
  if (role === null) return false;
  return rule === ALL || rule.includes(role);
}

/** A harmless request: unknown ids and an empty body, so an allowed call fails validation or finds nothing. */
function concreteUrl(url: string): string {
  return url.replace(/:id\b/g, '999999').replace(/:(\w+)/g, 'x');
}

describeEachDialect('route access table', (h) => {
  it('lists every registered API route in the expected table, and no stale entries', () => {
    const registered = h.app.routeAccess.filter((r) => !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter((k) => !(k in EXPECTED));
    expect(missing, 'routes without an entry in EXPECTED').toEqual([]);
    expect(Object.keys(EXPECTED).filter((k) => !registered.includes(k)), 'stale entries').toEqual([]);
  });

  it('declares the same rule as the table for every route', () => {
    for (const r of h.app.routeAccess.filter((x) => !x.url.startsWith('/api/docs'))) {
      const rule = EXPECTED[`${r.method} ${r.url}`];
      const declared = typeof r.access === 'string' ? r.access : [...r.access].sort();
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
      const anon = await h.app.inject({ method: route.method as 'GET', url, ...(body ? { payload: body } : {}) });
      if (allowed(rule, null) ? anon.statusCode === 401 || anon.statusCode === 403 : anon.statusCode !== 401) {
        failures.push(`anonymous ${route.method} ${route.url} → ${anon.statusCode}`);
      }
      for (const role of ROLES) {
        const c = clients.get(role)!;
        const res = await c.request(route.method as 'GET', url, body);
        const gateDenied = res.statusCode === 401 || (res.statusCode === 403 && ['FORBIDDEN', 'CSRF_INVALID'].includes(res.json().code));
        if (allowed(rule, role) === gateDenied) failures.push(`${role} ${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 80)}`);
        // A call such as logout ends the session: log in again for the next route.
        if ((await c.get('/api/v1/auth/me')).statusCode === 401) await fresh(role);
      }
    }
    expect(failures).toEqual([]);
  });
});
