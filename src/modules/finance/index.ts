/**
 * The finance module's public face: what other modules may use. The demand desk turns a ticket
 * into a financing need with `needFromTicket`; the monthly bulletin takes `financeBulletinSection`.
 */
export { needFromTicket } from './needs.service.js';
export { financeBulletinSection } from './bulletin.js';
export { loanStats } from './stats.service.js';
