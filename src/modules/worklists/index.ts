/**
 * The work lists' public face: the read models other modules (supervision) may use. Other modules
 * import this file (or the services named here), never the worklists repositories; the lint rule
 * in eslint.config.js keeps it so.
 */
export { type AssignmentRecord, listAssignments as listItemAssignments } from './worklists.repository.js';
export { assertDeadlinesConfirmed } from './worklists.service.js';
// finance: the key-enterprise desk puts overdue problem steps on the supervision ladder as problem items
export { createItem, createWorklist, listWorklists } from './worklists.service.js';
// procurement: a campaign problem and its problem item are stored in one transaction
export { findOrCreateList, itemCreator } from './worklists.service.js';
