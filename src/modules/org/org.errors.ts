import { defineErrors } from '../../common/errors.js';

/** The org module's error codes (declared here, registered with the platform's table on import). */
export const orgErrors = defineErrors({
  INVALID_CREDENTIALS: {
    status: 401,
    zh: '用户名或密码错误，或失败次数过多，请稍后再试',
    en: 'Wrong username or password, or too many failed attempts: try again later',
  },
  UNIT_IN_USE: {
    status: 409,
    zh: '该单位仍有关联的用户或数据，不能删除；可改为撤销',
    en: 'The unit still has users or data; retire it instead of deleting',
  },
  UNIT_RETIRED: { status: 409, zh: '该单位已撤销', en: 'The unit is retired' },
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  WEAK_PASSWORD: {
    status: 400,
    zh: '密码至少 10 位，且须包含字母和数字',
    en: 'A password needs at least 10 characters with letters and digits',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '登录失败次数过多，账户已临时锁定，请稍后再试',
    en: 'Too many failed logins; the account is locked for a while',
  },
});

declare module '../../common/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof orgErrors, true> {}
}
