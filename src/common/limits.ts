/** Limits that the server enforces and the web forms show; one table for both ends. */
export const LIMITS = {
  username: { min: 2, max: 40 },
  displayName: { max: 60 },
  password: { min: 10, max: 128 },
  unitName: { max: 80 },
  alias: { max: 40 },
  aliasesPerUnit: 20,
  pageSize: { default: 20, max: 200 },
  searchText: { max: 100 },
  bodyBytes: 1024 * 1024,
  /** Every uploaded zip container (.xlsx, .docx, .ofd …), checked before any parser inflates it. */
  upload: {
    /** Sum of the uncompressed sizes of every zip entry: a 10 000-row sheet is ~5 MB of XML, and ExcelJS needs ~10× that in memory. */
    uncompressedBytes: 100 * 1024 * 1024,
    /** A zip entry that inflates more than this many times its compressed size is a bomb, not a sheet. */
    compressionRatio: 200,
    zipEntries: 2000,
  },
} as const;

/** A password must have letters and digits; length is checked by the schema. */
export function isStrongPassword(pw: string): boolean {
  return pw.length >= LIMITS.password.min && /[A-Za-z]/.test(pw) && /\d/.test(pw);
}
