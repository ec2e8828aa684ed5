import { defineErrors } from '../../common/errors.js';

/** The policies module's error codes (declared here, registered with the platform's table on import). */
export const policyErrors = defineErrors({
  MATCHING_WORKER_FAILED: {
    status: 503,
    zh: '政策匹配计算线程意外终止，请重新运行匹配',
    en: 'A policy-matching thread stopped unexpectedly; run the matching again',
  },
  USCC_INVALID: { status: 400, zh: '统一社会信用代码无效', en: 'The unified social credit code is invalid' },
  INDUSTRY_CODE_INVALID: { status: 400, zh: '国民经济行业代码不存在', en: 'The industry code does not exist in GB/T 4754-2017' },
  DUPLICATE_USCC: { status: 409, zh: '已有相同统一社会信用代码的企业', en: 'An enterprise with this USCC already exists' },
  DUPLICATE_BENEFIT_CODE: { status: 409, zh: '已有相同编码的兑现事项', en: 'A benefit item with this code already exists' },
  RULE_INVALID: {
    status: 400,
    zh: '资格规则有误，请检查标注的行列',
    en: 'The eligibility rule is invalid; check the lines and columns listed',
  },
  RULE_EXAMPLES_FAILED: {
    status: 422,
    zh: '规则未通过示例企业测试',
    en: 'The rule does not give the expected outcome on its example enterprises',
  },
  RESULT_STATUS_CONFLICT: { status: 409, zh: '兑现记录当前状态不允许此操作', en: 'The payout record’s current status does not allow this' },
  ENTERPRISE_NOT_LINKED: { status: 403, zh: '该账号未关联企业', en: 'This account is not linked to an enterprise' },
});

declare module '../../common/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof policyErrors, true> {}
}
