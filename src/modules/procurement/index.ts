/**
 * The procurement module's public face: what other modules may use. The monthly bulletin takes
 * `procurementBulletinSection`.
 */
export { procurementBulletinSection } from './bulletin.js';
