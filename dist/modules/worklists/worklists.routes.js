import { z } from "zod";
import { idParam, okView } from "../../common/schemas/org.js";
import {
  caseBoardQuery,
  caseBoardView,
  createItemBody,
  createWorklistBody,
  itemDetailView,
  itemPage,
  itemQuery,
  savedFilterBody,
  savedFilterView,
  todoView,
  updateItemBody,
  updateWorklistBody,
  worklistQuery,
  worklistView
} from "../../common/schemas/worklists.js";
import { actorOf } from "../../http/access.js";
import { evidenceRoutes } from "./evidence.routes.js";
import { progressRoutes } from "./progress.routes.js";
import { caseBoard, deleteSavedFilter, listMySavedFilters, myTodo, saveFilter } from "./views.service.js";
import { createItem, createWorklist, deleteWorklist, getItemDetail, listItems, listWorklists, updateItem, updateWorklist } from "./worklists.service.js";
const WORKLIST_ROLES = ["admin", "office", "leader", "unit_head", "liaison"];
const OFFICE_ROLES = ["admin", "office"];
const tags = ["worklists"];
function worklistRoutes(ctx) {
  return async (app) => {
    await app.register(progressRoutes(ctx));
    await app.register(evidenceRoutes(ctx));
    app.get(
      "/worklists",
      { config: { access: WORKLIST_ROLES }, schema: { tags, summary: "\u6E05\u5355\u5217\u8868 / the lists", querystring: worklistQuery, response: { 200: z.array(worklistView) } } },
      async (request) => listWorklists(ctx, actorOf(request), request.query.kind)
    );
    app.post(
      "/worklists",
      { config: { access: OFFICE_ROLES }, schema: { tags, summary: "\u65B0\u5EFA\u6E05\u5355 / create a list", body: createWorklistBody, response: { 201: worklistView } } },
      async (request, reply) => reply.status(201).send(await createWorklist(ctx, actorOf(request), request.body))
    );
    app.patch(
      "/worklists/:id",
      { config: { access: OFFICE_ROLES }, schema: { tags, summary: "\u4FEE\u6539\u6E05\u5355 / edit a list", params: idParam, body: updateWorklistBody, response: { 200: worklistView } } },
      async (request) => updateWorklist(ctx, actorOf(request), request.params.id, request.body)
    );
    app.delete(
      "/worklists/:id",
      { config: { access: OFFICE_ROLES }, schema: { tags, summary: "\u5220\u9664\u7A7A\u6E05\u5355 / delete an empty list", params: idParam, response: { 200: okView } } },
      async (request) => {
        await deleteWorklist(ctx, actorOf(request), request.params.id);
        return { ok: true };
      }
    );
    app.get(
      "/items",
      { config: { access: WORKLIST_ROLES }, schema: { tags, summary: "\u7763\u529E\u4E8B\u9879\uFF08\u7B5B\u9009\u3001\u68C0\u7D22\u3001\u6392\u5E8F\u3001\u5206\u9875\uFF09 / items with filters", querystring: itemQuery, response: { 200: itemPage } } },
      async (request) => listItems(ctx, actorOf(request), request.query)
    );
    app.get(
      "/items/todo",
      { config: { access: WORKLIST_ROLES }, schema: { tags, summary: "\u672C\u5355\u4F4D\u5F85\u529E / my unit\u2019s to-do", response: { 200: todoView } } },
      async (request) => myTodo(ctx, actorOf(request))
    );
    app.get(
      "/items/case-board",
      { config: { access: WORKLIST_ROLES }, schema: { tags, summary: "\u5178\u578B\u6848\u4F8B\u770B\u677F / case board by stage", querystring: caseBoardQuery, response: { 200: caseBoardView } } },
      async (request) => caseBoard(ctx, actorOf(request), request.query.listId)
    );
    app.get(
      "/items/saved-filters",
      { config: { access: WORKLIST_ROLES }, schema: { tags, summary: "\u6211\u7684\u5E38\u7528\u7B5B\u9009 / my saved filters", response: { 200: z.array(savedFilterView) } } },
      async (request) => listMySavedFilters(ctx, actorOf(request))
    );
    app.post(
      "/items/saved-filters",
      { config: { access: WORKLIST_ROLES }, schema: { tags, summary: "\u4FDD\u5B58\u7B5B\u9009 / save a filter", body: savedFilterBody, response: { 201: savedFilterView } } },
      async (request, reply) => reply.status(201).send(await saveFilter(ctx, actorOf(request), request.body))
    );
    app.delete(
      "/items/saved-filters/:id",
      { config: { access: WORKLIST_ROLES }, schema: { tags, summary: "\u5220\u9664\u7B5B\u9009 / delete a saved filter", params: idParam, response: { 200: okView } } },
      async (request) => {
        await deleteSavedFilter(ctx, actorOf(request), request.params.id);
        return { ok: true };
      }
    );
    app.post(
      "/items",
      { config: { access: OFFICE_ROLES }, schema: { tags, summary: "\u65B0\u589E\u4E8B\u9879 / create an item", body: createItemBody, response: { 201: itemDetailView } } },
      async (request, reply) => reply.status(201).send(await createItem(ctx, actorOf(request), request.body))
    );
    app.get(
      "/items/:id",
      { config: { access: WORKLIST_ROLES }, schema: { tags, summary: "\u4E8B\u9879\u8BE6\u60C5\u4E0E\u65F6\u95F4\u7EBF / item with its timeline", params: idParam, response: { 200: itemDetailView } } },
      async (request) => getItemDetail(ctx, actorOf(request), request.params.id)
    );
    app.patch(
      "/items/:id",
      { config: { access: OFFICE_ROLES }, schema: { tags, summary: "\u4FEE\u6539\u4E8B\u9879\uFF08\u4E50\u89C2\u9501\uFF09 / edit an item (version-checked)", params: idParam, body: updateItemBody, response: { 200: itemDetailView } } },
      async (request) => updateItem(ctx, actorOf(request), request.params.id, request.body)
    );
  };
}
export {
  OFFICE_ROLES,
  WORKLIST_ROLES,
  worklistRoutes
};
//# sourceMappingURL=worklists.routes.js.map
