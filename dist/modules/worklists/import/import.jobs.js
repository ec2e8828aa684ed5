import { AppError } from "../../../common/errors.js";
import { actorOf } from "../../org/auth.service.js";
import { findUserById } from "../../org/users.repository.js";
import { importCommitUpload } from "./import.service.js";
const worklistJobHandlers = {
  "worklists.import": async (ctx, payload, run) => {
    const user = run.actorId ? await findUserById(ctx.db, run.actorId) : void 0;
    if (!user) throw new AppError("FORBIDDEN");
    const progress = (message) => run.progress(0, null, message);
    return importCommitUpload(ctx, actorOf(user), payload, progress, (trx, result) => run.markDone(trx, result));
  }
};
export {
  worklistJobHandlers
};
//# sourceMappingURL=import.jobs.js.map
