import { z } from "zod";
import { contactBody, contactView, markReadBody, notificationList, notificationListQuery } from "../../common/schemas/notifications.js";
import { actorOf } from "../../http/access.js";
import { getMyContact, listMyNotifications, markNotificationsRead, setMyContact, unreadCount } from "./notifications.service.js";
function notificationRoutes(ctx) {
  return async (app) => {
    app.get(
      "/notifications",
      { config: { access: "authenticated" }, schema: { tags: ["notifications"], summary: "\u6211\u7684\u6D88\u606F / my inbox", querystring: notificationListQuery, response: { 200: notificationList } } },
      async (request) => listMyNotifications(ctx, actorOf(request), request.query)
    );
    app.get(
      "/notifications/unread-count",
      { config: { access: "authenticated" }, schema: { tags: ["notifications"], summary: "\u672A\u8BFB\u6570 / unread count", response: { 200: z.object({ unread: z.number() }) } } },
      async (request) => ({ unread: await unreadCount(ctx, actorOf(request)) })
    );
    app.post(
      "/notifications/read",
      {
        config: { access: "authenticated" },
        schema: { tags: ["notifications"], summary: "\u6807\u4E3A\u5DF2\u8BFB / mark read (ids or all)", body: markReadBody, response: { 200: z.object({ updated: z.number(), unread: z.number() }) } }
      },
      async (request) => markNotificationsRead(ctx, actorOf(request), request.body.all ? "all" : request.body.ids)
    );
    app.get(
      "/notifications/contact",
      { config: { access: "authenticated" }, schema: { tags: ["notifications"], summary: "\u6211\u7684\u901A\u77E5\u90AE\u7BB1 / my e-mail for notifications", response: { 200: contactView } } },
      async (request) => getMyContact(ctx, actorOf(request))
    );
    app.put(
      "/notifications/contact",
      { config: { access: "authenticated" }, schema: { tags: ["notifications"], summary: "\u8BBE\u7F6E\u901A\u77E5\u90AE\u7BB1 / set my e-mail for notifications", body: contactBody, response: { 200: contactView } } },
      async (request) => setMyContact(ctx, actorOf(request), request.body.email)
    );
  };
}
export {
  notificationRoutes
};
//# sourceMappingURL=notifications.routes.js.map
