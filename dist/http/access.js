import { AppError } from "../common/errors.js";
import { resolveSession } from "../modules/org/auth.service.js";
const SESSION_COOKIE = "bizenv_session";
const SAFE_METHODS = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS"]);
function actorOf(request) {
  if (!request.actor) throw new AppError("UNAUTHENTICATED");
  return request.actor;
}
function registerAccessControl(app, ctx) {
  app.decorateRequest("session", null);
  app.decorateRequest("actor", null);
  const table = [];
  app.decorate("routeAccess", table);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api")) return;
    if (route.url.startsWith("/api/docs")) {
      route.config = { ...route.config ?? {}, access: "public" };
      return;
    }
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} has no access rule`);
    for (const method of [route.method].flat()) if (method !== "HEAD") table.push({ method, url: route.url, access });
  });
  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    const token = request.cookies[SESSION_COOKIE];
    request.session = await resolveSession(ctx, token, request.ip);
    request.actor = request.session?.actor ?? null;
    if (access === "public") return;
    if (!request.session) throw new AppError("UNAUTHENTICATED");
    if (!SAFE_METHODS.has(request.method) && request.headers["x-csrf-token"] !== request.session.csrfToken) {
      throw new AppError("CSRF_INVALID");
    }
    if (request.session.user.mustChangePassword && !request.routeOptions.config.allowPendingPasswordChange) {
      throw new AppError("PASSWORD_CHANGE_REQUIRED");
    }
    if (access !== "authenticated" && !access.includes(request.session.actor.role)) throw new AppError("FORBIDDEN");
  });
}
export {
  SESSION_COOKIE,
  actorOf,
  registerAccessControl
};
//# sourceMappingURL=access.js.map
