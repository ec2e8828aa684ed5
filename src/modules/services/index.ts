/**
 * The government-services module's public face: what other modules may use. The monthly bulletin
 * takes `servicesBulletinSection`.
 */
export { servicesBulletinSection } from './bulletin.js';
export { serviceRefs } from './services.repository.js';
