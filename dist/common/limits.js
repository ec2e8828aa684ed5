const LIMITS = {
  username: { min: 2, max: 40 },
  displayName: { max: 60 },
  password: { min: 10, max: 128 },
  unitName: { max: 80 },
  alias: { max: 40 },
  aliasesPerUnit: 20,
  pageSize: { default: 20, max: 200 },
  searchText: { max: 100 },
  bodyBytes: 1024 * 1024
};
function isStrongPassword(pw) {
  return pw.length >= LIMITS.password.min && /[A-Za-z]/.test(pw) && /\d/.test(pw);
}
export {
  LIMITS,
  isStrongPassword
};
//# sourceMappingURL=limits.js.map
