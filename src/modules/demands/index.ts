/**
 * The demand desk's public face: what other modules may use. The monthly bulletin takes
 * `demandsBulletinSection`.
 */
export { demandsBulletinSection } from './bulletin.js';
/** The leaders' cockpit takes `demandCockpitFigures`. */
export { demandCockpitFigures } from './cockpit.js';
/**
 * Assisted service (services module) rates its cases through an assistant's rating code, so they
 * count where the desk counts window and specialist ratings.
 */
export { findRatingCodeByText, recordCodeRating } from './ratings.service.js';
/** The services demo seed issues an assistant a rating code the way the desk issues any. */
export { addRatingCode } from './ratings.service.js';
