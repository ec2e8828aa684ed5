import { defineErrors } from '../../common/errors.js';

/** The finance module's error codes (declared here, registered with the platform's table on import). */
export const financeErrors = defineErrors({
  BANK_NOT_LINKED: { status: 403, zh: '该账号未关联银行', en: 'This account is not linked to a bank' },
  NEED_NOT_PUBLISHED_TO_BANK: {
    status: 403,
    zh: '该融资需求未推送给您所在的银行',
    en: 'This financing need was not published to your bank',
  },
  FINANCE_STATUS_CONFLICT: { status: 409, zh: '当前状态不允许此操作', en: 'The current status does not allow this' },
  FINANCE_AMOUNT_INVALID: { status: 422, zh: '金额不符合要求，请检查标注的字段', en: 'An amount is not allowed; check the fields listed' },
  LISTING_STAGE_BACKWARDS: { status: 422, zh: '上市阶段回退须说明原因', en: 'Moving a listing back to an earlier stage needs a reason' },
});

declare module '../../common/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof financeErrors, true> {}
}
