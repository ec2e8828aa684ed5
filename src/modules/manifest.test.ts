import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registeredErrorCodes } from '../common/errors.js';
import { PERMISSION_NAMES } from '../common/permissions.js';
import { demoSeedSteps, loadModuleJobHandlers, loadModuleRoutes, moduleCliAreas, moduleManifests, referenceSeedSteps } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('the module list', () => {
  it('has one manifest for every folder under src/modules, named after it', () => {
    const folders = fs
      .readdirSync(here, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const names = moduleManifests.map((m) => m.name);
    expect(names.filter((n) => n !== 'jobs').sort()).toEqual(folders);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every permission of the table to exactly one module', () => {
    const owners = new Map<string, string[]>();
    for (const m of moduleManifests) for (const p of m.permissions ?? []) owners.set(p, [...(owners.get(p) ?? []), m.name]);
    expect(PERMISSION_NAMES.filter((p) => owners.get(p)?.length !== 1)).toEqual([]);
  });

  it('collects the routes, jobs, seeds and commands the platform had in its hand-kept lists', async () => {
    const routes = await loadModuleRoutes();
    const names = routes.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['authRoutes', 'calendarRoutes', 'worklistRoutes', 'bulletinRoutes', 'policyRoutes']));
    expect(Object.keys(await loadModuleJobHandlers()).sort()).toEqual([
      'demands.overdue',
      'enforcement.desk-complaints',
      'enforcement.publish-due',
      'enforcement.rectify-overdue',
      'enforcement.regrade',
      'finance.desk-overdue',
      'notifications.digest',
      'notifications.email',
      'notifications.webhook',
      'policies.match',
      'policies.notice-email',
      'supervision.bulletin-draft',
      'supervision.reminders',
      'supervision.weekly-snapshot',
      'worklists.import',
      'worklists.overdue-notice',
    ]);
    expect(referenceSeedSteps.map((s) => s.name)).toEqual(['units', 'indicator-catalogue', /* demands */ 'demands-reference']);
    // Users first: every demo data set names demo users.
    const demo = demoSeedSteps.map((s) => s.name);
    expect(demo).toEqual([
      'demo-users',
      'indicators-demo',
      'worklists-demo',
      'supervision-demo',
      'policies-demo',
      'enforcement-demo',
      'services-demo',
      'finance-demo',
      'procurement-demo',
      'demands-demo',
      'demands-demo-credit',
      'demands-demo-credit-record',
    ]);
    const commands = moduleCliAreas.flatMap((a) => a.commands);
    const expected = ['bulletin', 'calendar', 'export', 'import', 'indicators', 'jobs', 'policies', 'user'];
    expect(commands).toEqual(expect.arrayContaining(expected));
    expect(new Set(commands).size, 'a command name declared twice').toBe(commands.length);
  });

  it('registers the error codes of every module through its manifest, each code once', () => {
    for (const m of moduleManifests) {
      const file = path.join(here, m.name, `${m.name}.errors.ts`);
      expect(fs.existsSync(file), `${m.name}: its errors file and its manifest's errors must go together`).toBe(m.errors !== undefined);
      const jobTable = path.join(here, m.name, `${m.name}.job-table.ts`);
      if (m.name !== 'jobs')
        expect(fs.existsSync(jobTable), `${m.name}: its job table and its manifest's jobs must go together`).toBe(m.jobs !== undefined);
    }
    const fromModules = moduleManifests.flatMap((m) => Object.keys(m.errors ?? {}));
    expect(new Set(fromModules).size, 'an error code declared by two modules').toBe(fromModules.length);
    expect(registeredErrorCodes()).toEqual(expect.arrayContaining([...fromModules, 'NOT_FOUND', 'VALIDATION_FAILED']));
  });

  it('finds every error code the server throws in the registered table', () => {
    const thrown = new Set<string>();
    const walk = (dir: string): void => {
      for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, d.name);
        if (d.isDirectory()) walk(full);
        else if (d.name.endsWith('.ts'))
          for (const m of fs.readFileSync(full, 'utf8').matchAll(/new AppError\(\s*'([A-Z_]+)'/g)) thrown.add(m[1]!);
      }
    };
    walk(path.join(here, '..'));
    expect(thrown.size).toBeGreaterThan(20);
    expect([...thrown].filter((code) => !registeredErrorCodes().includes(code))).toEqual([]);
  });
});
