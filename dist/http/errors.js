import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../common/errors.js";
import { isUniqueViolation } from "../db/errors.js";
function requestLanguage(request) {
  if (request.actor) return request.actor.locale === "en" ? "en" : "zh";
  const header = request.headers["accept-language"] ?? "";
  return /^en\b/i.test(header) ? "en" : "zh";
}
function toAppError(err) {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? "body";
    const details = err.validation.map((v) => {
      const field = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
      const params = v.params;
      const keys = params?.issue?.code === "unrecognized_keys" ? params.issue.keys : void 0;
      return {
        path: [where, field, ...keys ?? []].filter(Boolean).join("."),
        message: keys ? `\u4E0D\u5141\u8BB8\u7684\u5B57\u6BB5 / unknown field: ${keys.join(", ")}` : v.message ?? "invalid"
      };
    });
    return new AppError("VALIDATION_FAILED", details);
  }
  if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") return new AppError("PAYLOAD_TOO_LARGE");
  if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return new AppError("UNSUPPORTED_MEDIA_TYPE");
  if (err.statusCode === 400 && (err instanceof SyntaxError || err.code?.startsWith("FST_ERR_CTP"))) {
    return new AppError("MALFORMED_JSON", [{ path: "body", message: err.message }]);
  }
  if (err.statusCode === 429) return new AppError("RATE_LIMITED");
  if (isUniqueViolation(err)) return new AppError("CONFLICT");
  if (err.statusCode === 404) return new AppError("NOT_FOUND");
  return new AppError("INTERNAL");
}
function registerErrorHandling(app) {
  app.setErrorHandler((err, request, reply) => {
    const appError = toAppError(err);
    if (appError.code === "INTERNAL") request.log.error({ err }, "unhandled error");
    else if (appError.status >= 500) request.log.warn({ err }, appError.code);
    return reply.status(appError.status).send(appError.toBody(requestLanguage(request)));
  });
}
export {
  registerErrorHandling,
  requestLanguage
};
//# sourceMappingURL=errors.js.map
