// Runs the server test suite on one database and prints how many tests ran
// there. `sqlite` always runs; `postgres` runs when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const target = process.argv[2];
if (target !== 'sqlite' && target !== 'postgres') {
  console.error('usage: run-tests.mjs sqlite|postgres [vitest args]');
  process.exit(2);
}
const env = { ...process.env };
if (target === 'sqlite') delete env.TEST_DATABASE_URL;
else if (!env.TEST_DATABASE_URL) {
  console.log(
    'PostgreSQL: skipped (set TEST_DATABASE_URL=postgres://… to run the suite on PostgreSQL)',
  );
  process.exit(0);
}
const label = target === 'sqlite' ? 'SQLite' : 'PostgreSQL';
const outDir = path.resolve('.tmp');
fs.mkdirSync(outDir, { recursive: true });
const report = path.join(outDir, `vitest-${target}.json`);
fs.rmSync(report, { force: true });
console.log(`\n=== Server tests on ${label} ===`);
const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(3),
  ],
  { cwd: 'server', env, stdio: 'inherit' },
);
let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests;
  skipped = r.numPendingTests + r.numTodoTests;
}
console.log(`${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status ?? 1);
