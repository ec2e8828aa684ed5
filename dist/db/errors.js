function isUniqueViolation(err) {
  const code = err?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
function isForeignKeyViolation(err) {
  const code = err?.code;
  return code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY";
}
export {
  isForeignKeyViolation,
  isUniqueViolation
};
//# sourceMappingURL=errors.js.map
