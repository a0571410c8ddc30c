// Runs every bench/*.bench.ts in turn (with tsx, against the source) and passes through their output:
// one JSON object per line, e.g. {"bench":"knox.chicago-2014","ms":153.2,"goalMs":200,...}.
// Benchmarks measure; they never fail on time. `npm run bench -- knox` runs those whose name matches.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
let failed = 0;
for (const file of files) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(JSON.stringify({ bench: file, error: `exited with ${run.status}` }));
  }
}
process.exit(failed > 0 ? 1 : 0);
