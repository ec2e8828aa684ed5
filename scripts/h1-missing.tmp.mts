import { openApiDocument } from './gen-api.ts';
const d: any = await openApiDocument();
for (const [p, ops] of Object.entries<any>(d.paths)) for (const [m, op] of Object.entries<any>(ops)) {
  const r = op.responses ?? {};
  const ok = r["200"] ?? r["201"] ?? r["202"];
  const schema = ok?.content?.['application/json']?.schema;
  if (!schema || Object.keys(schema).length === 0) console.log(m.toUpperCase(), p, ok ? 'empty' : 'none', Object.keys(r).join(','));
}
