/**
 * The enforcement module's public face: what other modules may read. The indicators module and the
 * monthly bulletin take the law-based-environment figures (with the lists behind them) from here.
 */
export { enforcementBulletinSection } from './bulletin.js';
export { enforcementFigures } from './figures.service.js';
export { CREDIT_MODEL, gradeEnterprise } from './credit.js';
/** The demand desk's demo seed turns its substantiated complaint into a credit record at once. */
export { recordDeskFindings } from './desk.service.js';
