const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, zh: "\u8F93\u5165\u6709\u8BEF\uFF0C\u8BF7\u68C0\u67E5\u6807\u6CE8\u7684\u5B57\u6BB5", en: "The input is invalid; check the fields listed" },
  MALFORMED_JSON: { status: 400, zh: "\u8BF7\u6C42\u5185\u5BB9\u4E0D\u662F\u6709\u6548\u7684 JSON", en: "The request body is not valid JSON" },
  UNAUTHENTICATED: { status: 401, zh: "\u8BF7\u5148\u767B\u5F55", en: "Please log in first" },
  INVALID_CREDENTIALS: { status: 401, zh: "\u7528\u6237\u540D\u6216\u5BC6\u7801\u9519\u8BEF", en: "Wrong username or password" },
  CSRF_INVALID: { status: 403, zh: "\u5B89\u5168\u4EE4\u724C\u65E0\u6548\uFF0C\u8BF7\u5237\u65B0\u9875\u9762\u540E\u91CD\u8BD5", en: "Security token missing or invalid; reload the page and try again" },
  FORBIDDEN: { status: 403, zh: "\u60A8\u6CA1\u6709\u6267\u884C\u6B64\u64CD\u4F5C\u7684\u6743\u9650", en: "You are not allowed to do this" },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: "\u8BF7\u5148\u4FEE\u6539\u521D\u59CB\u5BC6\u7801", en: "Change your initial password first" },
  NOT_FOUND: { status: 404, zh: "\u672A\u627E\u5230\u8BF7\u6C42\u7684\u5185\u5BB9", en: "Not found" },
  CONFLICT: { status: 409, zh: "\u64CD\u4F5C\u4E0E\u73B0\u6709\u6570\u636E\u51B2\u7A81", en: "The operation conflicts with existing data" },
  VERSION_CONFLICT: { status: 409, zh: "\u8BE5\u8BB0\u5F55\u5DF2\u88AB\u4ED6\u4EBA\u4FEE\u6539\uFF0C\u8BF7\u5237\u65B0\u540E\u518D\u7F16\u8F91", en: "Someone else changed this record; reload it and edit again" },
  DUPLICATE_NAME: { status: 409, zh: "\u540D\u79F0\u5DF2\u88AB\u4F7F\u7528", en: "This name is already in use" },
  UNIT_IN_USE: { status: 409, zh: "\u8BE5\u5355\u4F4D\u4ECD\u6709\u5173\u8054\u7684\u7528\u6237\u6216\u6570\u636E\uFF0C\u4E0D\u80FD\u5220\u9664\uFF1B\u53EF\u6539\u4E3A\u64A4\u9500", en: "The unit still has users or data; retire it instead of deleting" },
  UNIT_RETIRED: { status: 409, zh: "\u8BE5\u5355\u4F4D\u5DF2\u64A4\u9500", en: "The unit is retired" },
  WRONG_PASSWORD: { status: 400, zh: "\u5F53\u524D\u5BC6\u7801\u4E0D\u6B63\u786E", en: "The current password is wrong" },
  WEAK_PASSWORD: { status: 400, zh: "\u5BC6\u7801\u81F3\u5C11 10 \u4F4D\uFF0C\u4E14\u987B\u5305\u542B\u5B57\u6BCD\u548C\u6570\u5B57", en: "A password needs at least 10 characters with letters and digits" },
  PAYLOAD_TOO_LARGE: { status: 413, zh: "\u4E0A\u4F20\u5185\u5BB9\u8FC7\u5927", en: "The upload is too large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: "\u4E0D\u652F\u6301\u7684\u5185\u5BB9\u7C7B\u578B", en: "Unsupported content type" },
  ACCOUNT_LOCKED: { status: 423, zh: "\u767B\u5F55\u5931\u8D25\u6B21\u6570\u8FC7\u591A\uFF0C\u8D26\u6237\u5DF2\u4E34\u65F6\u9501\u5B9A\uFF0C\u8BF7\u7A0D\u540E\u518D\u8BD5", en: "Too many failed logins; the account is locked for a while" },
  RATE_LIMITED: { status: 429, zh: "\u8BF7\u6C42\u8FC7\u4E8E\u9891\u7E41\uFF0C\u8BF7\u7A0D\u540E\u518D\u8BD5", en: "Too many requests; try again later" },
  DATABASE_UNAVAILABLE: { status: 503, zh: "\u6570\u636E\u5E93\u6682\u4E0D\u53EF\u7528", en: "The database is unavailable" },
  INTERNAL: { status: 500, zh: "\u670D\u52A1\u5668\u5185\u90E8\u9519\u8BEF", en: "Internal server error" },
  // worklists
  UNIT_NOT_ASSIGNED: { status: 403, zh: "\u8BE5\u4E8B\u9879\u672A\u5206\u914D\u7ED9\u60A8\u7684\u5355\u4F4D", en: "This item is not assigned to your unit" },
  ITEM_STATUS_CONFLICT: { status: 409, zh: "\u4E8B\u9879\u5F53\u524D\u72B6\u6001\u4E0D\u5141\u8BB8\u6B64\u64CD\u4F5C", en: "The item\u2019s current status does not allow this" },
  DUPLICATE_CODE: { status: 409, zh: "\u8BE5\u6E05\u5355\u4E2D\u5DF2\u6709\u76F8\u540C\u5E8F\u53F7\u7684\u4E8B\u9879", en: "The list already has an item with this code" },
  LIST_NOT_EMPTY: { status: 409, zh: "\u6E05\u5355\u4E2D\u4ECD\u6709\u4E8B\u9879\uFF0C\u4E0D\u80FD\u5220\u9664", en: "The list still has items and cannot be deleted" },
  EVIDENCE_TYPE_NOT_ALLOWED: { status: 415, zh: "\u4F50\u8BC1\u6750\u6599\u7C7B\u578B\u4E0D\u53D7\u652F\u6301\u6216\u4E0E\u6269\u5C55\u540D\u4E0D\u7B26", en: "The evidence file type is not allowed or does not match its extension" },
  // worklists import/export (Excel)
  WORKBOOK_INVALID: { status: 400, zh: "\u6587\u4EF6\u4E0D\u662F\u53EF\u8BFB\u53D6\u7684 Excel \u5DE5\u4F5C\u7C3F\uFF08.xlsx\uFF09", en: "The file is not a readable Excel workbook (.xlsx)" },
  IMPORT_HAS_PROBLEMS: { status: 422, zh: "\u5DE5\u4F5C\u7C3F\u6709\u95EE\u9898\uFF0C\u672A\u5BFC\u5165\u4EFB\u4F55\u6570\u636E\uFF1B\u8BF7\u4FEE\u6B63\u6807\u6CE8\u7684\u4F4D\u7F6E\uFF0C\u6216\u9009\u62E9\u53EA\u5BFC\u5165\u65E0\u8BEF\u7684\u884C", en: "The workbook has problems and nothing was imported; fix the places listed or keep only the valid rows" },
  IMPORT_PREVIEW_EXPIRED: { status: 410, zh: "\u5BFC\u5165\u9884\u89C8\u5DF2\u8FC7\u671F\u6216\u4E0D\u5B58\u5728\uFF0C\u8BF7\u91CD\u65B0\u4E0A\u4F20", en: "The import preview has expired or does not exist; upload the file again" },
  // supervision
  BULLETIN_PUBLISHED: { status: 409, zh: "\u8BE5\u6708\u901A\u62A5\u5DF2\u53D1\u5E03\uFF0C\u4E0D\u80FD\u518D\u4FEE\u6539\u6216\u91CD\u590D\u53D1\u5E03", en: "This bulletin is published; it can no longer be changed or published again" },
  SNAPSHOT_EXISTS: { status: 409, zh: "\u8BE5\u5468\u7684\u7763\u67E5\u5FEB\u7167\u5DF2\u751F\u6210", en: "The snapshot of that week has already been taken" },
  NOTICE_NOT_AWAITING_REPLY: { status: 409, zh: "\u8BE5\u7763\u529E\u5355\u65E0\u9700\u56DE\u590D\u6216\u5DF2\u56DE\u590D", en: "This notice needs no reply or was already answered" },
  DOCUMENT_RENDER_FAILED: { status: 500, zh: "\u6587\u6863\u751F\u6210\u5931\u8D25", en: "The document could not be generated" },
  // indicators
  INDICATOR_METHOD_INVALID: { status: 422, zh: "\u8BC4\u4EF7\u65B9\u6CD5\u6587\u4EF6\u6709\u8BEF", en: "The scoring method file is invalid" },
  INDICATOR_BAD_VALUE: { status: 400, zh: "\u6307\u6807\u6570\u503C\u6709\u8BEF\uFF0C\u8BF7\u68C0\u67E5\u6807\u6CE8\u7684\u4F4D\u7F6E", en: "An indicator value is invalid; check the places listed" },
  INDICATOR_BOUND_MISSING: { status: 422, zh: "\u8BC4\u4EF7\u65B9\u6CD5\u7F3A\u5C11\u8BA1\u5206\u8FB9\u754C\uFF08\u6700\u4F18\u503C/\u6700\u5DEE\u503C\uFF09", en: "The scoring method lacks a best or worst bound" },
  INDICATOR_NO_DATA: { status: 404, zh: "\u6CA1\u6709\u53EF\u7528\u4E8E\u8BA1\u7B97\u7684\u6307\u6807\u6570\u636E", en: "There are no indicator values to score" },
  // policies
  USCC_INVALID: { status: 400, zh: "\u7EDF\u4E00\u793E\u4F1A\u4FE1\u7528\u4EE3\u7801\u65E0\u6548", en: "The unified social credit code is invalid" },
  INDUSTRY_CODE_INVALID: { status: 400, zh: "\u56FD\u6C11\u7ECF\u6D4E\u884C\u4E1A\u4EE3\u7801\u4E0D\u5B58\u5728", en: "The industry code does not exist in GB/T 4754-2017" },
  DUPLICATE_USCC: { status: 409, zh: "\u5DF2\u6709\u76F8\u540C\u7EDF\u4E00\u793E\u4F1A\u4FE1\u7528\u4EE3\u7801\u7684\u4F01\u4E1A", en: "An enterprise with this USCC already exists" },
  DUPLICATE_BENEFIT_CODE: { status: 409, zh: "\u5DF2\u6709\u76F8\u540C\u7F16\u7801\u7684\u5151\u73B0\u4E8B\u9879", en: "A benefit item with this code already exists" },
  RULE_INVALID: { status: 400, zh: "\u8D44\u683C\u89C4\u5219\u6709\u8BEF\uFF0C\u8BF7\u68C0\u67E5\u6807\u6CE8\u7684\u884C\u5217", en: "The eligibility rule is invalid; check the lines and columns listed" },
  RULE_EXAMPLES_FAILED: { status: 422, zh: "\u89C4\u5219\u672A\u901A\u8FC7\u793A\u4F8B\u4F01\u4E1A\u6D4B\u8BD5", en: "The rule does not give the expected outcome on its example enterprises" },
  RESULT_STATUS_CONFLICT: { status: 409, zh: "\u5151\u73B0\u8BB0\u5F55\u5F53\u524D\u72B6\u6001\u4E0D\u5141\u8BB8\u6B64\u64CD\u4F5C", en: "The payout record\u2019s current status does not allow this" },
  ENTERPRISE_NOT_LINKED: { status: 403, zh: "\u8BE5\u8D26\u53F7\u672A\u5173\u8054\u4F01\u4E1A", en: "This account is not linked to an enterprise" }
};
class AppError extends Error {
  constructor(code, details, custom) {
    super(custom?.en ?? ERROR_CODES[code].en);
    this.code = code;
    this.details = details;
    this.custom = custom;
    this.status = ERROR_CODES[code].status;
  }
  code;
  details;
  custom;
  status;
  toBody(lang) {
    const messages = this.custom ?? { zh: ERROR_CODES[this.code].zh, en: ERROR_CODES[this.code].en };
    return { code: this.code, message: messages[lang], messages, ...this.details ? { details: this.details } : {} };
  }
}
export {
  AppError,
  ERROR_CODES
};
//# sourceMappingURL=errors.js.map
