import { defineErrors } from '../../common/errors.js';

/** The reports module's error codes (declared here, registered with the platform's table on import). */
export const reportErrors = defineErrors({
  DOCUMENT_RENDER_FAILED: { status: 500, zh: '文档生成失败', en: 'The document could not be generated' },
});

declare module '../../common/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof reportErrors, true> {}
}
