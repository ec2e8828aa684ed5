import { QueryCache, QueryClient, keepPreviousData } from '@tanstack/react-query';
import createFetchClient, { type Middleware } from 'openapi-fetch';
import createQueryHooks from 'openapi-react-query';
import type { ErrorBody, ErrorCode, ErrorDetail } from '../../../src/common/errors.js';
import { type Lang, pickBilingual, storedLang, translate } from '../i18n.js';
import type { paths } from './schema.js';

/**
 * The typed client for the server's API. Paths, parameters, bodies and responses come from
 * `./schema.ts`, which `npm run gen:api` generates from the routes' own zod schemas: a changed
 * route is a compile error in the page that calls it. How to use it: ARCHITECTURE.md, "Web data".
 *
 * - `$api.useQuery('get', '/api/v1/…', { params })` reads (cached, shared, polled with
 *   `refetchInterval`); `ok(client.POST('/api/v1/…', { params, body }))` or
 *   `$api.useMutation('post', '/api/v1/…')` writes.
 * - Every failure is thrown as an `ApiError` (coded, bilingual, located details), never returned;
 *   a failed read is shown to the user once, by the query cache.
 * - Every successful write makes what is on screen load afresh (see `session` below), so a page
 *   never shows data its own write has changed.
 */

export type { paths };

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

/** The session keeps the token that `/auth/login` and `/auth/me` hand out; every write carries it. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The session provider learns here that the server no longer knows us (expired, logged out elsewhere). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const session: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    // Messages the server words itself (e.g. file row errors) come in the reader's language.
    request.headers.set('accept-language', storedLang());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.ok) {
      // A write may change any list or figure on screen (counts, statuses, the bell): what is shown
      // loads again; what is not shown is marked stale and loads when next shown.
      if (request.method !== 'GET') void queryClient.invalidateQueries();
      return response;
    }
    const e = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
    const code = e?.code ?? 'INTERNAL';
    const messages = e?.messages ?? { zh: `请求失败（${response.status}）`, en: `Request failed (${response.status})` };
    // `/auth/me` answering 401 is how a fresh page learns it is anonymous, not a lost session.
    if (code === 'UNAUTHENTICATED' && !new URL(request.url).pathname.endsWith('/auth/me')) for (const l of unauthenticatedListeners) l();
    throw new ApiError(response.status, code, messages, e?.details ?? []);
  },
  onError() {
    return new ApiError(0, 'NETWORK', { zh: translate('zh-CN', 'error.network'), en: translate('en', 'error.network') });
  },
};

export const client = createFetchClient<paths>({
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  // Query values left empty in a filter form mean "no filter", as the server reads them.
  querySerializer: (query: Record<string, unknown>) => queryString(query),
});
client.use(session);

/** Where a failed read is reported: set by <ReportQueryErrors> (Providers.tsx) once antd's notification exists. */
const queryErrorSink: { report?: (err: unknown) => void } = {};
export function reportQueryErrorsTo(report: (err: unknown) => void): void {
  queryErrorSink.report = report;
}

/**
 * The one cache of server data in the browser. A failed read shows the server's message once
 * (queries marked `meta: { silent: true }`, like the bell's poll, keep quiet); the shown data stays
 * while the next page of a list or a new filter loads; only a lost connection is retried — a 4xx
 * answer will not change by asking again.
 */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (err, query) => {
      if (!query.meta?.silent) queryErrorSink.report?.(err);
    },
  }),
  defaultOptions: {
    queries: {
      placeholderData: keepPreviousData,
      retry: (count, err) => err instanceof ApiError && err.code === 'NETWORK' && count < 2,
    },
  },
});

/** React Query hooks over the same client: `$api.useQuery('get', path, init, options)`. */
export const $api = createQueryHooks(client);

/** The data of a successful call (failures have already been thrown as ApiError). */
export async function ok<D>(call: Promise<{ data?: D }>): Promise<D> {
  const { data } = await call;
  return data as D;
}

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query as Record<string, QueryValue>)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) params.append(k, String(x));
    else params.set(k, String(v));
  }
  return params.toString();
}

/** Paths answering GET: what a link or a download may point at. */
type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];
type QueryOf<P extends GetPath> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? Q : never;

/**
 * The address of a GET endpoint (a file download the browser fetches itself, e.g. an Excel export),
 * with its path parameters filled in and its typed query.
 */
export function apiUrl<P extends GetPath>(path: P, opts: { path?: Record<string, string | number>; query?: QueryOf<P> } = {}): string {
  let url: string = path;
  for (const [k, v] of Object.entries(opts.path ?? {})) url = url.replace(`{${k}}`, encodeURIComponent(String(v)));
  const q = opts.query ? queryString(opts.query as Record<string, unknown>) : '';
  return q ? `${url}?${q}` : url;
}

/** Paths answering POST: an upload names one of them. */
type PostPath = { [P in keyof paths]: paths[P] extends { post: object } ? P : never }[keyof paths];
type PostParams<P extends PostPath> = paths[P]['post'] extends { parameters: infer X }
  ? Pick<X, 'path' & keyof X> & Pick<X, 'query' & keyof X>
  : never;

/**
 * Sends a file (multipart form) to an upload route: the guarded reader on the server (src/http/upload.ts)
 * reads it, so the route declares no JSON body. Path and query are the route's typed parameters;
 * the answer is its typed response.
 */
export function upload<P extends PostPath>(path: P, form: FormData, params: PostParams<P>): Promise<PostResponse<P>> {
  // The generated type has no multipart body; openapi-fetch passes a FormData through untouched.
  const init = { params, body: form, bodySerializer: (b: FormData) => b };
  return ok(client.POST(path as never, init as never)) as Promise<PostResponse<P>>;
}

type PostResponse<P extends PostPath> = ApiResponse<P, 'post'>;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer D } } ? D : never;
type SuccessOf<R> = R extends { 200: infer A } ? JsonOf<A> : R extends { 201: infer B } ? JsonOf<B> : never;

/** What a route answers on success: `ApiResponse<'/api/v1/audit'>['items'][number]` is one audit row. */
export type ApiResponse<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends { responses: infer R }
  ? SuccessOf<R>
  : never;
/** The JSON body a route takes. */
export type ApiBody<P extends keyof paths, M extends Method = 'post'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
/** The query a GET route takes. */
export type ApiQuery<P extends keyof paths> = NonNullable<paths[P]['get'] extends { parameters: { query?: infer Q } } ? Q : never>;
