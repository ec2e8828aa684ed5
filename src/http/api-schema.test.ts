import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, generateApiSchema } from '../../scripts/gen-api.js';

// The web client's types (web/src/api/schema.ts) are generated from the routes' zod schemas; a
// route changed without regenerating would leave the web compiling against an API that is gone.
describe('web/src/api/schema.ts', () => {
  it('matches a fresh generation from the server routes', async () => {
    const fresh = await generateApiSchema();
    const checkedIn = fs.existsSync(API_SCHEMA_FILE) ? fs.readFileSync(API_SCHEMA_FILE, 'utf8') : '';
    expect(checkedIn === fresh, 'web/src/api/schema.ts is out of date: run npm run gen:api').toBe(true);
  });

  it('types the responses of the routes the web reads', async () => {
    const text = await generateApiSchema();
    // A route with a response schema yields its fields, not `unknown` (hand-read from org's UnitView).
    const units = text.slice(text.indexOf('"/api/v1/units": {'), text.indexOf('"/api/v1/units/{id}": {'));
    for (const field of ['divisionCode: string | null;', 'aliases: string[];', 'userCount: number;']) expect(units).toContain(field);
  });
});
