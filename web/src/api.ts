import type { z } from 'zod';
import type {
  AuditView,
  CreateUnitBody,
  CreateUserBody,
  SessionView,
  UnitView,
  UpdateUnitBody,
  UpdateUserBody,
  UserView,
  auditQuery,
  changePasswordBody,
  unitListQuery,
  updateProfileBody,
  page,
  userListQuery,
} from '../../src/common/schemas/org.js';
import { ApiError, client, onUnauthenticated, setCsrfToken } from './api/client.js';

export { ApiError, onUnauthenticated };

/**
 * Typed client for /api/v1. Types come from the server's zod schemas (src/common/schemas), so a
 * changed response shape is a compile error here. Module pages use `api.get/post/…` with their own
 * schema types, or add a section below.
 */

export type { AuditView, SessionView, UnitView, UserView };
/** A paged list as `page(itemSchema)` on the server shapes it. */
export type Page<T> = Omit<z.infer<ReturnType<typeof page<z.ZodUnknown>>>, 'items'> & { items: T[] };

type Query = Record<string, string | number | boolean | null | undefined>;

/**
 * Untyped calls that pages not yet moved to the typed client (`./api/client.ts`) still make. They go
 * through that client, so the session, the CSRF token and the errors are the same.
 */
async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const init = { params: { query }, body, bodySerializer: body instanceof FormData ? (b: FormData) => b : undefined };
  const r = await client.request(method.toLowerCase() as never, `/api/v1${path}` as never, init as never);
  return r.data as T;
}

/** The address of a GET endpoint with its query, for links and downloads the browser fetches itself. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return `/api/v1${path}${s ? `?${s}` : ''}`;
}

type Input<S extends z.ZodType> = z.input<S>;
type Body<S extends z.ZodType> = z.output<S>;

async function startSession(p: Promise<SessionView>): Promise<SessionView> {
  const s = await p;
  setCsrfToken(s.csrfToken);
  return s;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),

  auth: {
    login: (username: string, password: string) => startSession(request<SessionView>('POST', '/auth/login', { username, password })),
    me: () => startSession(request<SessionView>('GET', '/auth/me')),
    updateMe: (body: Body<typeof updateProfileBody>) => request<UserView>('PATCH', '/auth/me', body),
    changePassword: (body: Body<typeof changePasswordBody>) => request<{ ok: true }>('POST', '/auth/password', body),
    logout: async () => {
      try {
        await request<{ ok: true }>('POST', '/auth/logout', {});
      } finally {
        setCsrfToken('');
      }
    },
  },

  units: {
    list: (q: Input<typeof unitListQuery> = {}) => request<UnitView[]>('GET', '/units', undefined, q),
    get: (id: number) => request<UnitView>('GET', `/units/${id}`),
    create: (body: CreateUnitBody) => request<UnitView>('POST', '/units', body),
    update: (id: number, body: UpdateUnitBody) => request<UnitView>('PATCH', `/units/${id}`, body),
    merge: (id: number, intoUnitId: number, version: number) => request<UnitView>('POST', `/units/${id}/merge`, { intoUnitId, version }),
    retire: (id: number, version: number) => request<UnitView>('POST', `/units/${id}/retire`, { version }),
    remove: (id: number) => request<{ ok: true }>('DELETE', `/units/${id}`),
  },

  users: {
    list: (q: Body<typeof userListQuery> = {}) => request<UserView[]>('GET', '/users', undefined, q),
    create: (body: CreateUserBody) => request<UserView>('POST', '/users', body),
    update: (id: number, body: UpdateUserBody) => request<UserView>('PATCH', `/users/${id}`, body),
    resetPassword: (id: number, password: string) => request<{ ok: true }>('POST', `/users/${id}/reset-password`, { password }),
    unlock: (id: number) => request<UserView>('POST', `/users/${id}/unlock`, {}),
  },

  audit: {
    list: (q: Partial<Body<typeof auditQuery>>) => request<Page<AuditView>>('GET', '/audit', undefined, q),
  },
};
