import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { LogController } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import pino from "pino";
import { z } from "zod";
import { AppError } from "./common/errors.js";
import { LIMITS } from "./common/limits.js";
import { openDatabase, pgPoolSize, pingDatabase } from "./db/database.js";
import { registerAccessControl } from "./http/access.js";
import { registerErrorHandling } from "./http/errors.js";
import { moduleRoutes } from "./modules/index.js";
import { stopJobs } from "./jobs/runtime.js";
import { closePdfBrowser } from "./modules/reports/pdf.js";
const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../web/dist");
const VERSION = "0.1.0";
function createContext(config, opts = {}) {
  const database = opts.database ?? openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, "bizenv.sqlite"), poolSize: pgPoolSize(config) });
  const log = pino({ level: config.logLevel, redact: ["req.headers.cookie", 'req.headers["x-csrf-token"]', "*.password", "password"] });
  return { config, database, db: database.db, clock: opts.clock ?? (() => /* @__PURE__ */ new Date()), log };
}
class LazyChildLogger {
  constructor(parent, bindings, options) {
    this.parent = parent;
    this.bindings = bindings;
    this.options = options;
  }
  parent;
  bindings;
  options;
  #child;
  #log() {
    this.#child ??= this.parent.child(this.bindings, this.options);
    return this.#child;
  }
  get level() {
    return this.#child?.level ?? this.parent.level;
  }
  set level(level) {
    this.#log().level = level;
  }
  fatal = (...a) => this.#log().fatal(...a);
  error = (...a) => this.#log().error(...a);
  warn = (...a) => this.#log().warn(...a);
  info = (...a) => this.#log().info(...a);
  debug = (...a) => this.#log().debug(...a);
  trace = (...a) => this.#log().trace(...a);
  silent = () => {
  };
  child(bindings, options) {
    return this.#log().child(bindings, options);
  }
}
const IMMUTABLE = "public, max-age=31536000, immutable";
async function buildApp(ctx, opts = {}) {
  const app = Fastify({
    loggerInstance: ctx.log,
    childLoggerFactory: (logger, bindings, options) => new LazyChildLogger(logger, bindings, options),
    bodyLimit: LIMITS.bodyBytes,
    trustProxy: false,
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== "debug" && ctx.config.logLevel !== "trace" })
  }).withTypeProvider();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null
      }
    }
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError("RATE_LIMITED")
  });
  registerErrorHandling(app);
  app.addHook("onClose", async () => {
    await stopJobs(ctx);
    await closePdfBrowser();
  });
  registerAccessControl(app, ctx);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: "bizenv API \u2014 \u4F18\u5316\u8425\u5546\u73AF\u5883\u5DE5\u4F5C\u5E73\u53F0", version: VERSION },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "bizenv_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" }
        }
      }
    },
    transform: jsonSchemaTransform
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        response: {
          200: z.object({ status: z.literal("ok"), version: z.string(), database: z.object({ dialect: z.string(), ok: z.boolean() }) }),
          503: z.object({ status: z.literal("unavailable"), version: z.string(), database: z.object({ dialect: z.string(), ok: z.boolean() }) })
        }
      }
    },
    async (_request, reply) => {
      const ok = await pingDatabase(ctx.db);
      const database = { dialect: ctx.database.dialect, ok };
      return ok ? { status: "ok", version: VERSION, database } : reply.status(503).send({ status: "unavailable", version: VERSION, database });
    }
  );
  await app.register(
    async (api) => {
      for (const routes of moduleRoutes) await api.register(routes(ctx));
    },
    { prefix: "/api/v1" }
  );
  const webDist = opts.webDist ?? WEB_DIST;
  const webBuilt = opts.serveWeb !== false && fs.existsSync(path.join(webDist, "index.html"));
  if (webBuilt) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each file (web/vite.config.ts); sent to clients that accept them.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => {
        const underAssets = path.relative(path.join(webDist, "assets"), file);
        reply.header("cache-control", underAssets.startsWith("..") ? "no-cache" : IMMUTABLE);
      }
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api") || request.method !== "GET") {
      return reply.status(404).send(new AppError("NOT_FOUND").toBody("zh"));
    }
    if (webBuilt) return reply.header("cache-control", "no-cache").sendFile("index.html");
    return reply.status(404).type("text/plain; charset=utf-8").send("Web client not built: run `npm run build:web`.");
  });
  return app;
}
export {
  WEB_DIST,
  buildApp,
  createContext
};
//# sourceMappingURL=app.js.map
