/**
 * The XML form of Open311 GeoReport v2 answers, shaped as the spec's examples: a root element per
 * method, one child element per list entry, nested lists named by their entries, a null as an
 * empty element. No XML library is a dependency and these documents are flat, so a small writer
 * with a strict escaper is enough: the five markup characters become entities and characters XML
 * 1.0 forbids (control characters, lone surrogates) are dropped, so any ticket text stays well formed.
 */

/** Root element and its entries' element for each kind of answer. */
export const XML_ROOTS = {
  services: ['services', 'service'],
  serviceDefinition: ['service_definition', ''],
  requests: ['service_requests', 'request'],
  errors: ['errors', 'error'],
} as const;
export type XmlRoot = keyof typeof XML_ROOTS;

/** Entry element names of nested lists (service definition: `<attributes><attribute>`, `<values><value>`). */
const ENTRY_OF: Record<string, string> = { attributes: 'attribute', values: 'value' };

const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 does not allow
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(ENTRY_OF[name] ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${fields(value as Record<string, unknown>)}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function fields(o: Record<string, unknown>): string {
  return Object.entries(o)
    .map(([k, v]) => element(k, v))
    .join('');
}

/** An answer as the spec's XML document: a list under its root (`<services><service>…`), or one object as the root. */
export function toXml(root: XmlRoot, data: unknown): string {
  const [rootName, entryName] = XML_ROOTS[root];
  const body = Array.isArray(data) ? data.map((d) => element(entryName, d)).join('') : fields(data as Record<string, unknown>);
  return `<?xml version="1.0" encoding="utf-8"?>\n<${rootName}>${body}</${rootName}>`;
}
