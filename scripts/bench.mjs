// `npm run bench`: runs every suite in scripts/bench/ (each file but lib.mjs), in name order, and
// prints each one's table. BENCH_ONLY=pages,board runs some of them. Suites measure against
// servers they start themselves, beside a bare dynamic page of the same run (TOOLCHAIN.md).
import { readdirSync } from 'node:fs';

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const suites = readdirSync(new URL('./bench/', import.meta.url))
  .filter((f) => f.endsWith('.mjs') && f !== 'lib.mjs')
  .map((f) => f.replace(/\.mjs$/, ''))
  .filter((name) => !only || only.includes(name))
  .sort();
for (const name of suites) {
  console.log(`\n=== bench: ${name}`);
  const suite = await import(`./bench/${name}.mjs`);
  await suite.default();
}
process.exit(0);
