/**
 * The Content-Disposition of a file download, for every route that sends one. The name the user
 * sees is Chinese more often than not: it goes in `filename*` (RFC 6266 with the RFC 5987 UTF-8
 * encoding, which every current browser reads); `filename` carries an ASCII stand-in for the rare
 * client that does not. Control and bidirectional-override characters are dropped from both, so a
 * stored file name can neither break the header nor disguise its extension (`exe.pdf` shown reversed).
 */
export function attachment(filename: string, asciiFallback?: string): string {
  const name = cleanFilename(filename) || 'download';
  return `attachment; filename="${asciiFilename(asciiFallback ?? name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

// C0 and C1 controls, DEL, and the Unicode bidirectional embedding/override/isolate marks.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function cleanFilename(name: string): string {
  return name.replace(UNSAFE, '').trim();
}

/** The name with only printable ASCII left, quotes and backslashes replaced; the extension is kept. */
function asciiFilename(name: string): string {
  const ascii = cleanFilename(name)
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  if (/[A-Za-z0-9]/.test(ascii.replace(/\.[A-Za-z0-9]+$/, ''))) return ascii;
  const ext = /\.[A-Za-z0-9]+$/.exec(ascii)?.[0] ?? '';
  return `download${ext}`;
}

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * unencoded, which attr-char does not allow. */
function encodeRfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
