import type { ApiResponse } from '../../api/client.js';

/** What the services API returns, as the generated client types it. */
export type Rates = ApiResponse<'/api/v1/services/rates'>;
export type Service = ApiResponse<'/api/v1/services/catalogue'>['items'][number];
export type Package = ApiResponse<'/api/v1/services/packages'>[number];
export type PackageStat = ApiResponse<'/api/v1/services/packages/stats'>['packages'][number];
export type MissedPackage = ApiResponse<'/api/v1/services/packages/missed'>['packages'][number];
export type Case = ApiResponse<'/api/v1/services/cases/{id}'>;
export type Step = Case['steps'][number];
export type CoverageRow = ApiResponse<'/api/v1/services/network/coverage'>['counties'][number];
export type Monthly = ApiResponse<'/api/v1/services/assisted-cases/monthly'>;
export type Round = ApiResponse<'/api/v1/services/rounds'>[number];
export type Summary = ApiResponse<'/api/v1/services/summary'>;
export type Guide =
  ApiResponse<'/api/v1/services/public/guide/services/{code}'> | ApiResponse<'/api/v1/services/public/guide/packages/{code}'>;
export type AssistedCase = ApiResponse<'/api/v1/services/assisted-cases'>['items'][number];
export type Assistant = ApiResponse<'/api/v1/services/assistants'>[number];
