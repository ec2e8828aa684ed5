/**
 * The indicators module's public face: the read functions other modules (the cockpit) may use.
 * Other modules import this file (or the services named here), never the indicators repository;
 * the lint rule in eslint.config.js keeps it so.
 */
export { latestPeerSet } from './indicators.repository.js';
