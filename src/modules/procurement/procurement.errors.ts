import { defineErrors } from '../../common/errors.js';

/** The procurement module's error codes (declared here, registered with the platform's table on import). */
export const procurementErrors = defineErrors({
  PROCUREMENT_FILE_PROBLEMS: {
    status: 422,
    zh: '投标文件有问题，未导入任何数据；请修正标注的行',
    en: 'The bids file has problems and nothing was imported; fix the lines listed',
  },
  CASE_STAGE_CONFLICT: { status: 409, zh: '线索当前所处阶段不允许此操作', en: 'The case’s current stage does not allow this' },
  CAMPAIGN_PROJECTS_FILE_PROBLEMS: {
    status: 422,
    zh: '检查项目文件有问题，未导入任何项目；请修正标注的行',
    en: 'The projects file has problems and no project was added; fix the lines listed',
  },
  DUPLICATE_PROJECT_CODE: { status: 409, zh: '该专项整治中已有相同编号的项目', en: 'The campaign already has a project with this code' },
});

declare module '../../common/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof procurementErrors, true> {}
}
