import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Permission } from '../../src/common/permissions.js';
import type { Label } from './i18n.js';

/** One menu entry; `permission` is needed besides the module's. */
export interface NavEntry {
  path: string;
  label: Label;
  permission?: Permission;
}

/** One routed page; `path` is absolute (`/worklists/:id`); `permission` is needed besides the module's. */
export interface PageEntry {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  permission?: Permission;
}

/** What a module contributes to the web client: its menu entries and its pages. */
export interface WebModule {
  key: string;
  label: Label;
  icon: ReactNode;
  /**
   * Needed for everything in the module (src/common/permissions.ts; the server sends the user's
   * list). Without it each entry and page decides on its own; the server checks every API call anyway.
   */
  permission?: Permission;
  /** Menu entries; without them the module has one entry to `/<key>`. */
  nav?: NavEntry[];
  pages: PageEntry[];
}

export interface MenuNode {
  key: string;
  path?: string;
  label: Label;
  icon?: ReactNode;
  children?: MenuNode[];
}

type Can = (permission: Permission) => boolean;

const allows = (can: Can, ...permissions: (Permission | undefined)[]) => permissions.every((p) => !p || can(p));

/** The menu a user sees: a module with several visible entries becomes a group, one without any is left out. */
export function menuFor(modules: readonly WebModule[], can: Can): MenuNode[] {
  const out: MenuNode[] = [];
  for (const m of modules) {
    if (!allows(can, m.permission)) continue;
    const entries = (m.nav ?? [{ path: `/${m.key}`, label: m.label }]).filter((n) => allows(can, n.permission));
    if (entries.length === 1) out.push({ key: entries[0].path, path: entries[0].path, label: entries[0].label, icon: m.icon });
    else if (entries.length > 1)
      out.push({ key: m.key, label: m.label, icon: m.icon, children: entries.map((n) => ({ key: n.path, path: n.path, label: n.label })) });
  }
  return out;
}

export interface ResolvedRoute {
  path: string;
  /** All of them are needed to open the page. */
  permissions: Permission[];
  module: WebModule;
  page: LazyExoticComponent<ComponentType>;
}

/** Every page of every module with the permissions it needs (the module's and its own). */
export function routesOf(modules: readonly WebModule[]): ResolvedRoute[] {
  return modules.flatMap((m) =>
    m.pages.map((p) => {
      const permissions = [m.permission, p.permission].filter((x): x is Permission => !!x);
      return { path: p.path, permissions, module: m, page: p.page };
    }),
  );
}
