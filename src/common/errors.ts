/**
 * Coded errors. Every error the API returns has a stable code, an HTTP status and a message in
 * Chinese and English (the body carries both, so the web shows the user's language).
 *
 * The platform's own codes are below; a module declares its codes in `<module>.errors.ts` with
 * `defineErrors` and adds them to `ModuleErrorCodes` by declaration merging, so adding a module
 * touches no list here. The module's manifest holds its table, which registers it when the module
 * list is loaded.
 */
export interface ErrorDefinition {
  status: number;
  zh: string;
  en: string;
}
export type ErrorTable = Record<string, ErrorDefinition>;

const PLATFORM_ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '输入有误，请检查标注的字段', en: 'The input is invalid; check the fields listed' },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in first' },
  CSRF_INVALID: {
    status: 403,
    zh: '安全令牌无效，请刷新页面后重试',
    en: 'Security token missing or invalid; reload the page and try again',
  },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改初始密码', en: 'Change your initial password first' },
  NOT_FOUND: { status: 404, zh: '未找到请求的内容', en: 'Not found' },
  CONFLICT: { status: 409, zh: '操作与现有数据冲突', en: 'The operation conflicts with existing data' },
  VERSION_CONFLICT: {
    status: 409,
    zh: '该记录已被他人修改，请刷新后再编辑',
    en: 'Someone else changed this record; reload it and edit again',
  },
  DUPLICATE_NAME: { status: 409, zh: '名称已被使用', en: 'This name is already in use' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '上传内容过大', en: 'The upload is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  UPLOAD_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '文件类型不受支持，或内容与扩展名不符',
    en: 'The file type is not allowed or does not match its extension',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  DATABASE_UNAVAILABLE: { status: 503, zh: '数据库暂不可用', en: 'The database is unavailable' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  DEADLINE_IN_PAST: {
    status: 422,
    zh: '完成时限早于今天，保存后该事项即为逾期；请确认后再保存',
    en: 'The deadline is before today, so the item would be overdue at once; confirm to save it',
  },
  WORKBOOK_INVALID: { status: 400, zh: '文件不是可读取的 Excel 工作簿（.xlsx）', en: 'The file is not a readable Excel workbook (.xlsx)' },
  IMPORT_HAS_PROBLEMS: {
    status: 422,
    zh: '工作簿有问题，未导入任何数据；请修正标注的位置，或选择只导入无误的行',
    en: 'The workbook has problems and nothing was imported; fix the places listed or keep only the valid rows',
  },
  IMPORT_PREVIEW_EXPIRED: {
    status: 410,
    zh: '导入预览已过期或不存在，请重新上传',
    en: 'The import preview has expired or does not exist; upload the file again',
  },
} as const satisfies ErrorTable;

/** Each module's codes, merged in by its `<module>.errors.ts` (`interface ModuleErrorCodes extends Record<…, true> {}`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ModuleErrorCodes {}

export type ErrorCode = keyof typeof PLATFORM_ERRORS | keyof ModuleErrorCodes;

const registry = new Map<string, ErrorDefinition>(Object.entries(PLATFORM_ERRORS));

/** Registers a module's error codes with the platform (a code may be defined once only). */
export function defineErrors<const T extends ErrorTable>(table: T): T {
  for (const [code, definition] of Object.entries(table)) {
    const known = registry.get(code);
    if (known && known !== definition) throw new Error(`Error code ${code} is defined twice`);
    registry.set(code, definition);
  }
  return table;
}

/** The status and messages of a code; an unregistered code is a programming error, caught by the tests. */
export function errorDefinition(code: ErrorCode): ErrorDefinition {
  const definition = registry.get(code);
  if (!definition) throw new Error(`Error code ${code} is not registered: import the module's errors table`);
  return definition;
}

/** Every registered code (the platform's and the loaded modules'). */
export function registeredErrorCodes(): string[] {
  return [...registry.keys()];
}

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
    super(custom?.en ?? errorDefinition(code).en);
    this.status = errorDefinition(code).status;
  }

  toBody(lang: 'zh' | 'en'): ErrorBody {
    const { zh, en } = errorDefinition(this.code);
    const messages = this.custom ?? { zh, en };
    return { code: this.code, message: messages[lang], messages, ...(this.details ? { details: this.details } : {}) };
  }
}
