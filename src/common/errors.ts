/**
 * Coded errors. Every error the API returns has a stable code, an HTTP status and a message in
 * Chinese and English; the web client imports this table to show the message in the user's language.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, zh: '输入有误，请检查标注的字段', en: 'The input is invalid; check the fields listed' },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in first' },
  INVALID_CREDENTIALS: {
    status: 401,
    zh: '用户名或密码错误，或失败次数过多，请稍后再试',
    en: 'Wrong username or password, or too many failed attempts: try again later',
  },
  CSRF_INVALID: { status: 403, zh: '安全令牌无效，请刷新页面后重试', en: 'Security token missing or invalid; reload the page and try again' },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改初始密码', en: 'Change your initial password first' },
  NOT_FOUND: { status: 404, zh: '未找到请求的内容', en: 'Not found' },
  CONFLICT: { status: 409, zh: '操作与现有数据冲突', en: 'The operation conflicts with existing data' },
  VERSION_CONFLICT: { status: 409, zh: '该记录已被他人修改，请刷新后再编辑', en: 'Someone else changed this record; reload it and edit again' },
  DUPLICATE_NAME: { status: 409, zh: '名称已被使用', en: 'This name is already in use' },
  UNIT_IN_USE: { status: 409, zh: '该单位仍有关联的用户或数据，不能删除；可改为撤销', en: 'The unit still has users or data; retire it instead of deleting' },
  UNIT_RETIRED: { status: 409, zh: '该单位已撤销', en: 'The unit is retired' },
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  WEAK_PASSWORD: { status: 400, zh: '密码至少 10 位，且须包含字母和数字', en: 'A password needs at least 10 characters with letters and digits' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '上传内容过大', en: 'The upload is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  ACCOUNT_LOCKED: { status: 423, zh: '登录失败次数过多，账户已临时锁定，请稍后再试', en: 'Too many failed logins; the account is locked for a while' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  DATABASE_UNAVAILABLE: { status: 503, zh: '数据库暂不可用', en: 'The database is unavailable' },
  MATCHING_WORKER_FAILED: {
    status: 503,
    zh: '政策匹配计算线程意外终止，请重新运行匹配',
    en: 'A policy-matching thread stopped unexpectedly; run the matching again',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  // worklists
  UNIT_NOT_ASSIGNED: { status: 403, zh: '该事项未分配给您的单位', en: 'This item is not assigned to your unit' },
  ITEM_STATUS_CONFLICT: { status: 409, zh: '事项当前状态不允许此操作', en: 'The item’s current status does not allow this' },
  DUPLICATE_CODE: { status: 409, zh: '该清单中已有相同序号的事项', en: 'The list already has an item with this code' },
  LIST_NOT_EMPTY: { status: 409, zh: '清单中仍有事项，不能删除', en: 'The list still has items and cannot be deleted' },
  DEADLINE_IN_PAST: {
    status: 422,
    zh: '完成时限早于今天，保存后该事项即为逾期；请确认后再保存',
    en: 'The deadline is before today, so the item would be overdue at once; confirm to save it',
  },
  EVIDENCE_TYPE_NOT_ALLOWED: { status: 415, zh: '佐证材料类型不受支持或与扩展名不符', en: 'The evidence file type is not allowed or does not match its extension' },
  // worklists import/export (Excel)
  WORKBOOK_INVALID: { status: 400, zh: '文件不是可读取的 Excel 工作簿（.xlsx）', en: 'The file is not a readable Excel workbook (.xlsx)' },
  IMPORT_HAS_PROBLEMS: { status: 422, zh: '工作簿有问题，未导入任何数据；请修正标注的位置，或选择只导入无误的行', en: 'The workbook has problems and nothing was imported; fix the places listed or keep only the valid rows' },
  IMPORT_PREVIEW_EXPIRED: { status: 410, zh: '导入预览已过期或不存在，请重新上传', en: 'The import preview has expired or does not exist; upload the file again' },
  // supervision
  BULLETIN_PUBLISHED: { status: 409, zh: '该月通报已发布，不能再修改或重复发布', en: 'This bulletin is published; it can no longer be changed or published again' },
  SNAPSHOT_EXISTS: { status: 409, zh: '该周的督查快照已生成', en: 'The snapshot of that week has already been taken' },
  NOTICE_NOT_AWAITING_REPLY: { status: 409, zh: '该督办单无需回复或已回复', en: 'This notice needs no reply or was already answered' },
  DOCUMENT_RENDER_FAILED: { status: 500, zh: '文档生成失败', en: 'The document could not be generated' },
  // indicators
  INDICATOR_METHOD_INVALID: { status: 422, zh: '评价方法文件有误', en: 'The scoring method file is invalid' },
  INDICATOR_BAD_VALUE: { status: 400, zh: '指标数值有误，请检查标注的位置', en: 'An indicator value is invalid; check the places listed' },
  INDICATOR_BOUND_MISSING: { status: 422, zh: '评价方法缺少计分边界（最优值/最差值）', en: 'The scoring method lacks a best or worst bound' },
  INDICATOR_NO_DATA: { status: 404, zh: '没有可用于计算的指标数据', en: 'There are no indicator values to score' },
  // policies
  USCC_INVALID: { status: 400, zh: '统一社会信用代码无效', en: 'The unified social credit code is invalid' },
  INDUSTRY_CODE_INVALID: { status: 400, zh: '国民经济行业代码不存在', en: 'The industry code does not exist in GB/T 4754-2017' },
  DUPLICATE_USCC: { status: 409, zh: '已有相同统一社会信用代码的企业', en: 'An enterprise with this USCC already exists' },
  DUPLICATE_BENEFIT_CODE: { status: 409, zh: '已有相同编码的兑现事项', en: 'A benefit item with this code already exists' },
  RULE_INVALID: { status: 400, zh: '资格规则有误，请检查标注的行列', en: 'The eligibility rule is invalid; check the lines and columns listed' },
  RULE_EXAMPLES_FAILED: { status: 422, zh: '规则未通过示例企业测试', en: 'The rule does not give the expected outcome on its example enterprises' },
  RESULT_STATUS_CONFLICT: { status: 409, zh: '兑现记录当前状态不允许此操作', en: 'The payout record’s current status does not allow this' },
  ENTERPRISE_NOT_LINKED: { status: 403, zh: '该账号未关联企业', en: 'This account is not linked to an enterprise' },
  // demands
  DEMAND_USCC_INVALID: { status: 422, zh: '统一社会信用代码格式或校验位错误', en: 'The unified social credit code is malformed or its check character is wrong' },
  DEMAND_STATUS_CONFLICT: { status: 409, zh: '工单当前状态不允许此操作', en: 'The ticket’s current status does not allow this' },
  DEMAND_NOT_YOUR_UNIT: { status: 403, zh: '该工单未派给您的单位', en: 'This ticket is not routed to your unit' },
  DEMAND_RATING_USED: { status: 409, zh: '该评价码已使用或已失效，每件工单只能评价一次', en: 'This rating code has been used or has expired; a ticket is rated once' },
  DEMAND_RATING_CODE_UNKNOWN: { status: 404, zh: '评价码不存在，请核对', en: 'Unknown rating code; check it' },
  DEMAND_IMPORT_INVALID: { status: 422, zh: '导入文件有误，未导入任何内容，请按标注的行列修改', en: 'The file has errors and nothing was imported; fix the rows and columns listed' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One located problem: which field (or file/sheet/row/column) and why, in both languages. */
export interface ErrorDetail {
  path?: string;
  message: string;
  [key: string]: unknown;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  messages: { zh: string; en: string };
  details?: ErrorDetail[];
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorDetail[],
    /** Overrides the generic message, e.g. to name the unit in a conflict. */
    readonly custom?: { zh: string; en: string },
  ) {
    super(custom?.en ?? ERROR_CODES[code].en);
    this.status = ERROR_CODES[code].status;
  }

  toBody(lang: 'zh' | 'en'): ErrorBody {
    const messages = this.custom ?? { zh: ERROR_CODES[this.code].zh, en: ERROR_CODES[this.code].en };
    return { code: this.code, message: messages[lang], messages, ...(this.details ? { details: this.details } : {}) };
  }
}
