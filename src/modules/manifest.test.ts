import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
    expect(demo).toEqual(['demo-users', 'indicators-demo', 'worklists-demo', 'supervision-demo', 'policies-demo', /* demands */ 'demands-demo']);
    const commands = moduleCliAreas.flatMap((a) => a.commands);
    const expected = ['bulletin', 'calendar', 'export', 'import', 'indicators', 'jobs', 'policies', 'user'];
    expect(commands).toEqual(expect.arrayContaining(expected));
    expect(new Set(commands).size, 'a command name declared twice').toBe(commands.length);
  });
});
