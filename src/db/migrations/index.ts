import type { Migration } from 'kysely';
import * as createOrg from './202611250900-create-org.js';
import * as createWorklists from './202611251000-create-worklists.js';
import * as createIndicators from './202611251020-create-indicators.js';
import * as createPolicies from './202611251030-create-policies.js';
import * as createJobs from './202611251200-create-jobs-notifications-calendar.js';
import * as createSupervision from './202611251300-create-supervision.js';
import * as addItemListIndexes from './202611251400-add-item-list-indexes.js';
import * as addNotificationKinds from './202612020100-add-notification-kinds.js';
import * as addEnterpriseContactNotice from './202612020400-add-enterprise-contact-notice.js';
import * as createLoginThrottle from './202612020500-create-login-throttle.js';
import * as addJobRunHeartbeat from './202612020600-add-job-run-heartbeat.js';
import * as createChangeLogs from './202612020700-create-change-logs.js';
import * as createDemands from './202612031000-create-demands.js';
import * as createProcurement from './202612033000-create-procurement.js';
import * as createServices from './202612034000-create-services.js';
import * as createEnforcement from './202612035000-create-enforcement.js';
import * as createFinance from './202612036000-create-finance.js';
import * as addRuleVersions from './202612037001-add-rule-versions.js';
import * as indexCreditRecordsInEffect from './202612039000-index-credit-records-in-effect.js';
// procurement: OCDS red flags about parties
import * as procurementPartyFlags from './202612039500-procurement-party-flags.js';
import * as demandRatingDates from './202612041001-demand-rating-dates-and-list-indexes.js';
import * as retireRatingCodes from './202612042001-retire-rating-codes.js';
// procurement: registry related parties, dated campaign checks and verifications
import * as addRelatedPartiesAndCampaignDates from './202612043001-add-related-parties-and-campaign-dates.js';
import * as linkAssistedCases from './202612044001-link-assisted-cases.js';
// enforcement: complaints imported from the demand desk keep their ticket
import * as addComplaintTicket from './202612045001-add-complaint-ticket.js';
import * as linkKnowledgeServices from './202612047001-link-knowledge-services.js';
import * as addDemandSettingsCounter from './202612051001-add-demand-settings-counter.js';
import * as addComplaintRespondent from './202612053001-add-complaint-respondent.js';
import * as createEnfRectifyNotice from './202612057001-create-enf-rectify-notice.js';

/** Every migration, in order. Files are frozen once merged: add a new one instead of editing. */
export const migrations: Record<string, Migration> = {
  '202611250900-create-org': createOrg,
  '202611251000-create-worklists': createWorklists,
  '202611251020-create-indicators': createIndicators,
  '202611251030-create-policies': createPolicies,
  '202611251200-create-jobs-notifications-calendar': createJobs,
  '202611251300-create-supervision': createSupervision,
  '202611251400-add-item-list-indexes': addItemListIndexes,
  '202612020100-add-notification-kinds': addNotificationKinds,
  '202612020400-add-enterprise-contact-notice': addEnterpriseContactNotice,
  '202612020500-create-login-throttle': createLoginThrottle,
  '202612020600-add-job-run-heartbeat': addJobRunHeartbeat,
  '202612020700-create-change-logs': createChangeLogs,
  '202612031000-create-demands': createDemands,
  '202612033000-create-procurement': createProcurement,
  '202612034000-create-services': createServices,
  '202612035000-create-enforcement': createEnforcement,
  '202612036000-create-finance': createFinance,
  '202612037001-add-rule-versions': addRuleVersions,
  '202612039000-index-credit-records-in-effect': indexCreditRecordsInEffect,
  // procurement: OCDS red flags about parties
  '202612039500-procurement-party-flags': procurementPartyFlags,
  '202612041001-demand-rating-dates-and-list-indexes': demandRatingDates,
  '202612042001-retire-rating-codes': retireRatingCodes,
  // procurement: registry related parties, dated campaign checks and verifications
  '202612043001-add-related-parties-and-campaign-dates': addRelatedPartiesAndCampaignDates,
  '202612044001-link-assisted-cases': linkAssistedCases,
  '202612045001-add-complaint-ticket': addComplaintTicket,
  // demands: a knowledge answer links to the service catalogue
  '202612047001-link-knowledge-services': linkKnowledgeServices,
  // demands: a change stamp for what intake reads on every ticket
  '202612051001-add-demand-settings-counter': addDemandSettingsCounter,
  // demands × enforcement: the enterprise a complaint is against, the finding, its credit record
  '202612053001-add-complaint-respondent': addComplaintRespondent,
  // enforcement: which passed rectification deadline the department and the office were told of
  '202612057001-create-enf-rectify-notice': createEnfRectifyNotice,
};
