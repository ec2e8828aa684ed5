import { z } from "zod";
import { createUserBody, idParam, okView, resetPasswordBody, updateUserBody, userListQuery, userView } from "../../common/schemas/org.js";
import { actorOf } from "../../http/access.js";
import { createUser, getUser, listAllUsers, resetPassword, unlockUser, updateUser } from "./users.service.js";
function userRoutes(ctx) {
  return async (app) => {
    app.get(
      "/users",
      { config: { access: ["admin"] }, schema: { tags: ["users"], summary: "\u7528\u6237\u5217\u8868 / users", querystring: userListQuery, response: { 200: z.array(userView) } } },
      async (request) => listAllUsers(ctx, request.query)
    );
    app.get(
      "/users/:id",
      { config: { access: ["admin"] }, schema: { tags: ["users"], params: idParam, response: { 200: userView } } },
      async (request) => getUser(ctx, request.params.id)
    );
    app.post(
      "/users",
      { config: { access: ["admin"] }, schema: { tags: ["users"], summary: "\u65B0\u589E\u7528\u6237 / add a user", body: createUserBody, response: { 201: userView } } },
      async (request, reply) => reply.status(201).send(await createUser(ctx, actorOf(request), request.body))
    );
    app.patch(
      "/users/:id",
      { config: { access: ["admin"] }, schema: { tags: ["users"], params: idParam, body: updateUserBody, response: { 200: userView } } },
      async (request) => updateUser(ctx, actorOf(request), request.params.id, request.body)
    );
    app.post(
      "/users/:id/reset-password",
      { config: { access: ["admin"] }, schema: { tags: ["users"], summary: "\u91CD\u7F6E\u5BC6\u7801 / reset password", params: idParam, body: resetPasswordBody, response: { 200: okView } } },
      async (request) => {
        await resetPassword(ctx, actorOf(request), request.params.id, request.body.password);
        return { ok: true };
      }
    );
    app.post(
      "/users/:id/unlock",
      { config: { access: ["admin"] }, schema: { tags: ["users"], summary: "\u89E3\u9664\u9501\u5B9A / unlock", params: idParam, response: { 200: userView } } },
      async (request) => unlockUser(ctx, actorOf(request), request.params.id)
    );
  };
}
export {
  userRoutes
};
//# sourceMappingURL=users.routes.js.map
