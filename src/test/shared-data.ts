import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The reference data folder (`shared/data`), which sits beside the checkout here and in CI. */
export const SHARED_DATA =
  process.env.BIZENV_SHARED_DATA ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');
