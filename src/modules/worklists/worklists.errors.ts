import { defineErrors } from '../../common/errors.js';

/** The worklists module's error codes (declared here, registered with the platform's table on import). */
export const worklistErrors = defineErrors({
  UNIT_NOT_ASSIGNED: { status: 403, zh: '该事项未分配给您的单位', en: 'This item is not assigned to your unit' },
  ITEM_STATUS_CONFLICT: { status: 409, zh: '事项当前状态不允许此操作', en: 'The item’s current status does not allow this' },
  DUPLICATE_CODE: { status: 409, zh: '该清单中已有相同序号的事项', en: 'The list already has an item with this code' },
  LIST_NOT_EMPTY: { status: 409, zh: '清单中仍有事项，不能删除', en: 'The list still has items and cannot be deleted' },
});

declare module '../../common/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof worklistErrors, true> {}
}
