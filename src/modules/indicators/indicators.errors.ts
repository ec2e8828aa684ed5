import { defineErrors } from '../../common/errors.js';

/** The indicators module's error codes (declared here, registered with the platform's table on import). */
export const indicatorErrors = defineErrors({
  INDICATOR_METHOD_INVALID: { status: 422, zh: '评价方法文件有误', en: 'The scoring method file is invalid' },
  INDICATOR_BAD_VALUE: { status: 400, zh: '指标数值有误，请检查标注的位置', en: 'An indicator value is invalid; check the places listed' },
  INDICATOR_BOUND_MISSING: {
    status: 422,
    zh: '评价方法缺少计分边界（最优值/最差值）',
    en: 'The scoring method lacks a best or worst bound',
  },
  INDICATOR_NO_DATA: { status: 404, zh: '没有可用于计算的指标数据', en: 'There are no indicator values to score' },
});

declare module '../../common/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof indicatorErrors, true> {}
}
