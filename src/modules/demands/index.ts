/**
 * The demand desk's public face: what other modules may use. The monthly bulletin takes
 * `demandsBulletinSection`.
 */
export { demandsBulletinSection } from './bulletin.js';
/** The leaders' cockpit takes `demandCockpitFigures`. */
export { demandCockpitFigures } from './cockpit.js';
