/**
 * Located, bilingual errors of the OCDS library. The library stays free of the platform's error
 * table (the procurement module owns its codes); the module wraps an `OcdsError` into its own coded
 * error with the same `details`, so the user still sees where the problem is.
 */
export type OcdsErrorCode = 'OCDS_INVALID_JSON' | 'OCDS_NOT_A_RELEASE' | 'OCDS_RELEASE_TOO_LARGE' | 'SETTINGS_INVALID';

export interface OcdsErrorDetail {
  /** 1-based line of the input file or settings file. */
  line?: number;
  /** Where inside the release or the settings (e.g. `bids.details[2].value.amount`, `[R024] threshold`). */
  path?: string;
  message: string;
  messageZh: string;
}

const MESSAGES: Record<OcdsErrorCode, { zh: string; en: string }> = {
  OCDS_INVALID_JSON: { zh: 'OCDS 文件不是有效的 JSON', en: 'The OCDS file is not valid JSON' },
  OCDS_NOT_A_RELEASE: { zh: 'OCDS 文件中有一项不是发布（JSON 对象）', en: 'An entry of the OCDS file is not a release (a JSON object)' },
  OCDS_RELEASE_TOO_LARGE: { zh: 'OCDS 文件中单个发布过大', en: 'A single release of the OCDS file is too large' },
  SETTINGS_INVALID: { zh: '红旗指标设置文件有误', en: 'The red-flag settings file is invalid' },
};

export class OcdsError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly code: OcdsErrorCode,
    readonly details: OcdsErrorDetail[],
  ) {
    const { zh, en } = MESSAGES[code];
    super(`${en}: ${details.map((d) => (d.line ? `line ${d.line}: ` : '') + d.message).join('; ')}`);
    this.name = 'OcdsError';
    this.zh = zh;
    this.en = en;
  }
}
