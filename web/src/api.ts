import type { z } from 'zod';
import type { ErrorBody, ErrorCode, ErrorDetail } from '../../src/common/errors.js';
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
import { type Lang, pickBilingual, translate } from './i18n.js';

/**
 * Typed client for /api/v1. Types come from the server's zod schemas (src/common/schemas), so a
 * changed response shape is a compile error here. Module pages use `api.get/post/…` with their own
 * schema types, or add a section below.
 */

export type { AuditView, SessionView, UnitView, UserView };
/** A paged list as `page(itemSchema)` on the server shapes it. */
export type Page<T> = Omit<z.infer<ReturnType<typeof page<z.ZodUnknown>>>, 'items'> & { items: T[] };

/** An API failure as the UI shows it: a coded, bilingual message plus located details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    readonly messages: { zh: string; en: string },
    readonly details: ErrorDetail[] = [],
  ) {
    super(messages.en);
  }

  text(lang: Lang): string {
    return lang === 'en' ? this.messages.en : this.messages.zh;
  }

  /** Details whose `path` names a body field, keyed by that field (`body.unitId` → `unitId`). */
  fieldErrors(lang: Lang): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const d of this.details) {
      const m = d.path?.match(/^body\.([^.]+)/);
      if (!m) continue;
      out.set(m[1], [...(out.get(m[1]) ?? []), pickBilingual(lang, d.message)]);
    }
    return out;
  }

  /** Details that no form field can show (query, params, file rows …). */
  otherDetails(lang: Lang): string[] {
    return this.details.filter((d) => !d.path?.startsWith('body.')).map((d) => pickBilingual(lang, d.message));
  }
}

let csrfToken = '';
const unauthenticatedListeners = new Set<() => void>();

/** The session provider learns here that the server no longer knows us (expired, logged out elsewhere). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** The address of a GET endpoint with its query, for links and downloads the browser fetches itself. */
export function apiUrl(path: string, query?: Query): string {
  return `/api/v1${withQuery(path, query)}`;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (file upload) sets its own multipart content type and boundary.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${withQuery(path, query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', { zh: translate('zh-CN', 'error.network'), en: translate('en', 'error.network') });
  }
  const payload: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const e = payload as Partial<ErrorBody> | null;
    const code = e?.code ?? 'INTERNAL';
    const messages = e?.messages ?? { zh: `请求失败（${res.status}）`, en: `Request failed (${res.status})` };
    if (code === 'UNAUTHENTICATED' && path !== '/auth/me') for (const l of unauthenticatedListeners) l();
    throw new ApiError(res.status, code, messages, e?.details ?? []);
  }
  return payload as T;
}

type Input<S extends z.ZodType> = z.input<S>;
type Body<S extends z.ZodType> = z.output<S>;

async function startSession(p: Promise<SessionView>): Promise<SessionView> {
  const s = await p;
  csrfToken = s.csrfToken;
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
        csrfToken = '';
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
