import { defineErrors } from '../../common/errors.js';

/** The supervision module's error codes (declared here, registered with the platform's table on import). */
export const supervisionErrors = defineErrors({
  BULLETIN_PUBLISHED: {
    status: 409,
    zh: '该月通报已发布，不能再修改或重复发布',
    en: 'This bulletin is published; it can no longer be changed or published again',
  },
  SNAPSHOT_EXISTS: { status: 409, zh: '该周的督查快照已生成', en: 'The snapshot of that week has already been taken' },
  NOTICE_NOT_AWAITING_REPLY: { status: 409, zh: '该督办单无需回复或已回复', en: 'This notice needs no reply or was already answered' },
});

declare module '../../common/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof supervisionErrors, true> {}
}
