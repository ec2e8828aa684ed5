import { AppError } from "../common/errors.js";
async function readUpload(request, maxBytes, tooLarge) {
  if (!request.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA_TYPE", [{ path: "body", message: "\u8BF7\u4EE5 multipart/form-data \u4E0A\u4F20 / send multipart/form-data" }]);
  const part = await request.file();
  if (!part) throw new AppError("VALIDATION_FAILED", [{ path: "file", message: "\u7F3A\u5C11\u6587\u4EF6 / no file" }]);
  try {
    return { filename: part.filename, data: await part.toBuffer() };
  } catch (err) {
    if (err.code === "FST_REQ_FILE_TOO_LARGE") {
      throw tooLarge?.() ?? new AppError("PAYLOAD_TOO_LARGE", [{ path: "file", message: `\u6587\u4EF6\u8D85\u8FC7 ${maxBytes / 1024 / 1024} MB / larger than the upload limit` }]);
    }
    throw err;
  }
}
export {
  readUpload
};
//# sourceMappingURL=upload.js.map
