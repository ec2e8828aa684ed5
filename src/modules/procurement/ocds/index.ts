/**
 * OCDS input and the cardinal-rs red flags: a pure library (no database, no HTTP) that the
 * procurement module calls. See README.md in this folder.
 */
export { OcdsError, type OcdsErrorCode, type OcdsErrorDetail } from './errors.js';
export { ALL_INDICATORS_INI, INDICATOR_CODES, parseSettings, type CardinalSettings, type IndicatorCode } from './settings.js';
export {
  computeIndicators,
  createIndicatorRun,
  type IndicatorRun,
  type Group,
  type IndicatorMeta,
  type IndicatorResults,
} from './indicators.js';
export { readOcds, type OcdsRelease, type ReadOcdsOptions } from './reader.js';
export { ocdsToTenders, type OcdsBid, type OcdsTender } from './tenders.js';
export { describeIndicator, explainResults, INDICATOR_TITLES, type ExplainedFlag, type IndicatorDescription } from './describe.js';
