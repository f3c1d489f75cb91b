// Prints "N passed, N failed" from vitest's JUnit report, the closing line CI reads.
import { readFileSync, existsSync } from 'node:fs';

const file = process.argv[2] ?? 'artifacts/tmp/junit.xml';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const xml = readFileSync(file, 'utf8');
const cases = xml.match(/<testcase\b[^>]*?(\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
let failed = 0;
let skipped = 0;
for (const testcase of cases) {
  if (/<(failure|error)\b/.test(testcase)) failed += 1;
  else if (/<skipped\b/.test(testcase)) skipped += 1;
}
const extra = Number(process.argv[3] ?? 0);
console.log(
  `${cases.length - failed - skipped} passed, ${failed + extra} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
