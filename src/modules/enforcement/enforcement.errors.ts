import { defineErrors } from '../../common/errors.js';

/** The enforcement module's error codes (declared here, registered with the platform's table on import). */
export const enforcementErrors = defineErrors({
  ENF_CERTIFICATE_INVALID: {
    status: 422,
    zh: '执法人员无有效执法证件，不能参与检查',
    en: 'An officer without a valid enforcement certificate cannot be assigned',
  },
  ENF_ITEM_NOT_IN_CATALOGUE: {
    status: 422,
    zh: '抽查事项不在执法事项清单中',
    en: 'The inspection item is not in the enforcement catalogue',
  },
  ENF_POOL_TOO_SMALL: { status: 422, zh: '抽查对象库小于抽取数量', en: 'The pool of objects is smaller than the sample' },
  ENF_NOT_ENOUGH_OFFICERS: {
    status: 422,
    zh: '满足回避规则的持证执法人员不足',
    en: 'Not enough certified officers remain under the avoidance rules',
  },
  ENF_PLAN_STATUS: { status: 409, zh: '抽查计划当前状态不允许此操作', en: 'The inspection plan’s current status does not allow this' },
  ENF_NOT_DRAWN: {
    status: 422,
    zh: '该企业未被本计划抽中，不能登记结果',
    en: 'The enterprise was not drawn in this plan; no result can be recorded',
  },
  ENF_WAIVER_REASON_REQUIRED: {
    status: 409,
    zh: '该事项列入首违不罚清单且为首次违法，处罚须说明理由',
    en: 'The item is on the first-violation-no-penalty list and this is a first violation: give a reason to penalise',
  },
  ENF_REPAIR_STATUS: {
    status: 409,
    zh: '信用修复申请当前状态不允许此操作',
    en: 'The credit-repair application’s status does not allow this',
  },
});

declare module '../../common/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof enforcementErrors, true> {}
}
