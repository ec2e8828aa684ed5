import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Role } from '../../src/common/roles.js';
import type { Label } from './i18n.js';

/** One menu entry; `roles` narrows the module's roles for this entry. */
export interface NavEntry {
  path: string;
  label: Label;
  roles?: readonly Role[];
}

/** One routed page; `path` is absolute (`/worklists/:id`); `roles` narrows the module's (never widens them). */
export interface PageEntry {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  roles?: readonly Role[];
}

/** What a module contributes to the web client: its menu entries and its pages. */
export interface WebModule {
  key: string;
  label: Label;
  icon: ReactNode;
  /** Roles that see the module at all; the server enforces the same rules on every API call. */
  roles: readonly Role[];
  /** Menu entries; without them the module has one entry to `/<key>`. */
  nav?: NavEntry[];
  /** Without pages the module's paths show "not available yet". */
  pages?: PageEntry[];
}

export interface MenuNode {
  key: string;
  path?: string;
  label: Label;
  icon?: ReactNode;
  children?: MenuNode[];
}

const allows = (roles: readonly Role[] | undefined, role: Role) => !roles || roles.includes(role);

/** The menu a role sees: a module with several visible entries becomes a group. */
export function menuFor(modules: readonly WebModule[], role: Role): MenuNode[] {
  const out: MenuNode[] = [];
  for (const m of modules) {
    if (!m.roles.includes(role)) continue;
    const entries = (m.nav ?? [{ path: `/${m.key}`, label: m.label }]).filter((n) => allows(n.roles, role));
    if (entries.length === 1) out.push({ key: entries[0].path, path: entries[0].path, label: entries[0].label, icon: m.icon });
    else if (entries.length > 1)
      out.push({ key: m.key, label: m.label, icon: m.icon, children: entries.map((n) => ({ key: n.path, path: n.path, label: n.label })) });
  }
  return out;
}

export interface ResolvedRoute {
  path: string;
  roles: readonly Role[];
  module: WebModule;
  page?: LazyExoticComponent<ComponentType>;
}

/** Every route of every module, each with the roles allowed on it (page roles within the module's). */
export function routesOf(modules: readonly WebModule[]): ResolvedRoute[] {
  return modules.flatMap((m): ResolvedRoute[] =>
    m.pages
      ? m.pages.map((p) => ({ path: p.path, roles: p.roles ? p.roles.filter((r) => m.roles.includes(r)) : m.roles, module: m, page: p.page }))
      : [{ path: `/${m.key}/*`, roles: m.roles, module: m }],
  );
}
