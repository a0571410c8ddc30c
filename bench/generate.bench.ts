// The synthetic town generator at default size (about 19 500 records) and at size 10, and the
// aoristic hour-of-week table on 1 000 000 windows (a mix of exact times, hours-long windows and
// multi-day windows, as burglary data has).
import { aoristic } from '../shared/analysis/aoristic/aoristic.js';
import { generateTown } from '../shared/generate/generate-town.js';
import { townFiles } from '../shared/generate/town-files.js';
import { createRandom } from '../shared/util/random.js';
import { measure, report } from './measure.js';

const records = (size: number) => {
  const town = generateTown({ seed: 1, size });
  return town.groundTruth.datasets.reduce((s, d) => s + d.rows, 0);
};

report('generate.town.size-1', await measure(() => townFiles(generateTown({ seed: 1 })), 3), {
  records: records(1),
});
report('generate.town.size-10', await measure(() => generateTown({ seed: 1, size: 10 }), 1, 0), {
  records: records(10),
});

const n = 1_000_000;
const rng = createRandom(1);
const fromMs = new Float64Array(n);
const toMs = new Float64Array(n);
for (let i = 0; i < n; i++) {
  fromMs[i] = Date.UTC(2024, 0, 1) + rng.int(0, 365 * 24 * 60) * 60_000;
  const u = rng.next();
  toMs[i] =
    fromMs[i] + (u < 0.3 ? 0 : u < 0.85 ? rng.int(1, 12 * 60) : rng.int(24 * 60, 10 * 24 * 60)) * 60_000;
}
report('aoristic.1m-windows', await measure(() => aoristic({ fromMs, toMs }), 3), { events: n });
