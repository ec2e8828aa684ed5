import { defineErrors } from '../../common/errors.js';

/** The services module's error codes (declared here, registered with the platform's table on import). */
export const servicesErrors = defineErrors({
  SERVICE_PROMISE_ABOVE_LEGAL: { status: 400, zh: '承诺时限不能超过法定时限', en: 'The promised time limit cannot exceed the legal one' },
  SERVICE_CODE_DUPLICATE: { status: 409, zh: '事项编码重复', en: 'The service code is used twice' },
  SERVICE_UNKNOWN: { status: 400, zh: '目录中没有该事项', en: 'The catalogue has no service with this code' },
  SERVICE_STEP_ORDER: { status: 400, zh: '办理环节的完成时间早于开始时间', en: 'The step would finish before it started' },
  SERVICE_STEP_CLOSED: { status: 409, zh: '该环节已办结或尚未轮到办理', en: 'This step is already finished or not yet due' },
  SERVICE_ASSISTANT_UNKNOWN: { status: 400, zh: '没有该帮办代办员', en: 'There is no such assistant' },
  SERVICE_ASSISTED_RATED: { status: 409, zh: '该帮办代办件已评价', en: 'This assisted case is already rated' },
  SERVICE_EDIT_NOT_CURRENT: { status: 409, zh: '只能修改现行版本的事项', en: 'Only the version in force can be edited' },
});

declare module '../../common/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof servicesErrors, true> {}
}
