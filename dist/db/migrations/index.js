import * as createOrg from "./202611250900-create-org.js";
import * as createWorklists from "./202611251000-create-worklists.js";
import * as createIndicators from "./202611251020-create-indicators.js";
import * as createPolicies from "./202611251030-create-policies.js";
import * as createJobs from "./202611251200-create-jobs-notifications-calendar.js";
import * as createSupervision from "./202611251300-create-supervision.js";
import * as addItemListIndexes from "./202611251400-add-item-list-indexes.js";
import * as addJobRunHeartbeat from "./202612020600-add-job-run-heartbeat.js";
const migrations = {
  "202611250900-create-org": createOrg,
  "202611251000-create-worklists": createWorklists,
  "202611251020-create-indicators": createIndicators,
  "202611251030-create-policies": createPolicies,
  "202611251200-create-jobs-notifications-calendar": createJobs,
  "202611251300-create-supervision": createSupervision,
  "202611251400-add-item-list-indexes": addItemListIndexes,
  "202612020600-add-job-run-heartbeat": addJobRunHeartbeat
};
export {
  migrations
};
//# sourceMappingURL=index.js.map
