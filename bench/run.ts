/**
 * `npm run bench` runs every benchmark; `npm run bench -- NAME` runs one. Each prints its progress,
 * then its figures as one JSON object on its last line. Benchmarks are not part of `npm test`.
 */
import { benchmarks } from './index.js';

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(benchmarks);
const unknown = names.filter((n) => !(n in benchmarks));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const name of names) {
  console.error(`\n== bench ${name} ==`);
  const figures = await benchmarks[name]();
  if (figures.pass === false) failed = true;
  console.log(JSON.stringify({ bench: name, ...figures }));
}
process.exit(failed ? 1 : 0);
