import { changePasswordBody, loginBody, okView, sessionView, updateProfileBody, userView } from "../../common/schemas/org.js";
import { SESSION_COOKIE, actorOf } from "../../http/access.js";
import { changeOwnPassword, login, logout, updateProfile } from "./auth.service.js";
function authRoutes(ctx) {
  return async (app) => {
    app.post(
      "/auth/login",
      {
        // Per-IP limit on top of the per-account lock: slows password spraying across accounts.
        config: { access: "public", rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: "1 minute" } },
        schema: { tags: ["auth"], summary: "\u767B\u5F55 / log in", body: loginBody, response: { 200: sessionView } }
      },
      async (request, reply) => {
        const result = await login(ctx, {
          username: request.body.username,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers["user-agent"]
        });
        reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: "lax",
          secure: ctx.config.cookieSecure,
          path: "/",
          expires: result.expiresAt
        });
        return { user: result.user, csrfToken: result.csrfToken };
      }
    );
    app.post(
      "/auth/logout",
      { config: { access: "authenticated", allowPendingPasswordChange: true }, schema: { tags: ["auth"], summary: "\u9000\u51FA / log out", response: { 200: okView } } },
      async (request, reply) => {
        await logout(ctx, actorOf(request), request.session.idHash);
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return { ok: true };
      }
    );
    app.get(
      "/auth/me",
      { config: { access: "authenticated", allowPendingPasswordChange: true }, schema: { tags: ["auth"], summary: "\u5F53\u524D\u7528\u6237 / current user", response: { 200: sessionView } } },
      async (request) => ({ user: request.session.user, csrfToken: request.session.csrfToken })
    );
    app.patch(
      "/auth/me",
      {
        config: { access: "authenticated", allowPendingPasswordChange: true },
        schema: { tags: ["auth"], summary: "\u4FEE\u6539\u4E2A\u4EBA\u8D44\u6599 / update my profile", body: updateProfileBody, response: { 200: userView } }
      },
      async (request) => updateProfile(ctx, actorOf(request), request.body)
    );
    app.post(
      "/auth/password",
      {
        config: { access: "authenticated", allowPendingPasswordChange: true, rateLimit: { max: 10, timeWindow: "1 minute" } },
        schema: { tags: ["auth"], summary: "\u4FEE\u6539\u5BC6\u7801 / change my password", body: changePasswordBody, response: { 200: okView } }
      },
      async (request) => {
        await changeOwnPassword(ctx, actorOf(request), request.session.idHash, request.body.currentPassword, request.body.newPassword);
        return { ok: true };
      }
    );
  };
}
export {
  authRoutes
};
//# sourceMappingURL=auth.routes.js.map
