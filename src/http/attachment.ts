/**
 * The content-disposition of a download: the name the user sees (Chinese is fine, RFC 5987) and
 * an ASCII fallback for the few clients that ignore `filename*`.
 */
export function attachment(filename: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
