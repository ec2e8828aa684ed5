import { defineErrors } from '../../common/errors.js';

/** The demands module's error codes (declared here, registered with the platform's table on import). */
export const demandErrors = defineErrors({
  DEMAND_USCC_INVALID: {
    status: 422,
    zh: '统一社会信用代码格式或校验位错误',
    en: 'The unified social credit code is malformed or its check character is wrong',
  },
  DEMAND_STATUS_CONFLICT: { status: 409, zh: '工单当前状态不允许此操作', en: 'The ticket’s current status does not allow this' },
  DEMAND_NOT_YOUR_UNIT: { status: 403, zh: '该工单未派给您的单位', en: 'This ticket is not routed to your unit' },
  DEMAND_RATING_USED: {
    status: 409,
    zh: '该评价码已使用或已失效，每件工单只能评价一次',
    en: 'This rating code has been used or has expired; a ticket is rated once',
  },
  DEMAND_RATING_CODE_UNKNOWN: { status: 404, zh: '评价码不存在，请核对', en: 'Unknown rating code; check it' },
  DEMAND_RATING_CODE_RETIRED: {
    status: 410,
    zh: '该评价码已停用，请使用窗口或专员现用的评价码',
    en: 'This rating code has been deactivated; use the one the window or specialist shows now',
  },
  DEMAND_IMPORT_INVALID: {
    status: 422,
    zh: '导入文件有误，未导入任何内容，请按标注的行列修改',
    en: 'The file has errors and nothing was imported; fix the rows and columns listed',
  },
});

declare module '../../common/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof demandErrors, true> {}
}
