import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  type ZodTypeProvider,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import pino from 'pino';
import { z } from 'zod';
import { AppError } from './common/errors.js';
import { LIMITS } from './common/limits.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { type Database, openDatabase, pgPoolSize, pingDatabase } from './db/database.js';
import { registerAccessControl } from './http/access.js';
import { registerErrorHandling } from './http/errors.js';
import { registerMultipart } from './http/upload.js';
import { loadModuleRootRoutes, loadModuleRoutes } from './modules/index.js';
import { stopJobs } from './jobs/runtime.js';
import { closePdfBrowser } from './modules/reports/pdf.js';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');
const VERSION = '0.1.0';

/** Opens the configured database and returns the context every service receives. */
export function createContext(config: Config, opts: { database?: Database; clock?: () => Date } = {}): AppContext {
  const database =
    opts.database ??
    openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'bizenv.sqlite'), poolSize: pgPoolSize(config) });
  // Passwords and session cookies are redacted wherever they would appear in a log line.
  const log = pino({ level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', '*.password', 'password'] });
  return { config, database, db: database.db, clock: opts.clock ?? (() => new Date()), log };
}

type LogFn = (...args: unknown[]) => void;

/**
 * `request.log`, whose pino child (bound to the request id) is made on first use. Fastify makes one
 * for every request, and with the redaction paths above making it cost more than serving a small
 * list; most requests never log.
 */
class LazyChildLogger {
  #child: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Record<string, unknown>,
    private readonly options: object,
  ) {}

  #log(): FastifyBaseLogger {
    this.#child ??= this.parent.child(this.bindings, this.options);
    return this.#child;
  }

  get level(): string {
    return this.#child?.level ?? this.parent.level;
  }

  set level(level: string) {
    this.#log().level = level;
  }

  fatal: LogFn = (...a) => (this.#log().fatal as LogFn)(...a);
  error: LogFn = (...a) => (this.#log().error as LogFn)(...a);
  warn: LogFn = (...a) => (this.#log().warn as LogFn)(...a);
  info: LogFn = (...a) => (this.#log().info as LogFn)(...a);
  debug: LogFn = (...a) => (this.#log().debug as LogFn)(...a);
  trace: LogFn = (...a) => (this.#log().trace as LogFn)(...a);
  silent: LogFn = () => {};

  child(bindings: Record<string, unknown>, options?: object): FastifyBaseLogger {
    return this.#log().child(bindings, options);
  }
}

/** Hashed build output (Vite puts the content hash in the name): never changes under its name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function buildApp(ctx: AppContext, opts: { serveWeb?: boolean; webDist?: string } = {}): Promise<FastifyInstance> {
  // Loaded before any plugin starts: importing every module takes seconds on a busy machine, longer than a plugin may take.
  const moduleRoutes = await loadModuleRoutes();
  // demands: standard protocols at their own paths (Open311)
  const rootRoutes = await loadModuleRootRoutes();
  const app = Fastify({
    loggerInstance: ctx.log as unknown as FastifyBaseLogger,
    childLoggerFactory: (logger, bindings, options) => new LazyChildLogger(logger, bindings, options) as unknown as FastifyBaseLogger,
    bodyLimit: LIMITS.bodyBytes,
    trustProxy: false,
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace' }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  registerErrorHandling(app);
  // The only multipart registration: every upload route reads its file through readUpload (http/upload.ts).
  await registerMultipart(app, ctx.config.uploadMaxBytes);
  // A process that runs jobs (see startJobs) lets running ones finish when its app closes; the
  // browser that printed PDFs goes with it.
  app.addHook('onClose', async () => {
    await stopJobs(ctx);
    await closePdfBrowser();
  });
  registerAccessControl(app, ctx);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'bizenv API — 优化营商环境工作平台', version: VERSION },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'bizenv_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // Recursive schemas (a rule explanation tree) are emitted once under components and referenced.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        response: {
          200: z.object({ status: z.literal('ok'), version: z.string(), database: z.object({ dialect: z.string(), ok: z.boolean() }) }),
          503: z.object({
            status: z.literal('unavailable'),
            version: z.string(),
            database: z.object({ dialect: z.string(), ok: z.boolean() }),
          }),
        },
      },
    },
    async (_request, reply) => {
      const ok = await pingDatabase(ctx.db);
      const database = { dialect: ctx.database.dialect, ok };
      return ok
        ? { status: 'ok' as const, version: VERSION, database }
        : reply.status(503).send({ status: 'unavailable' as const, version: VERSION, database });
    },
  );

  await app.register(
    async (api) => {
      for (const routes of moduleRoutes) await api.register(routes(ctx));
    },
    { prefix: '/api/v1' },
  );
  // demands: root routes own their authentication and error format
  for (const routes of rootRoutes) await app.register(routes(ctx));

  const webDist = opts.webDist ?? WEB_DIST;
  const webBuilt = opts.serveWeb !== false && fs.existsSync(path.join(webDist, 'index.html'));
  if (webBuilt) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each file (web/vite.config.ts); sent to clients that accept them.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => {
        const underAssets = path.relative(path.join(webDist, 'assets'), file);
        reply.header('cache-control', underAssets.startsWith('..') ? 'no-cache' : IMMUTABLE);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || request.method !== 'GET') {
      return reply.status(404).send(new AppError('NOT_FOUND').toBody('zh'));
    }
    // Client-side routes all load the single-page app.
    if (webBuilt) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(404).type('text/plain; charset=utf-8').send('Web client not built: run `npm run build:web`.');
  });
  return app as unknown as FastifyInstance;
}
