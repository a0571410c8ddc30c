/**
 * The planted pattern of the tasking tests: a uniform background of 60 burglaries a month over
 * 530 000–531 000 × 180 000–181 000 (months 1…`months` of 2024) and a cluster of 30 in
 * [530 600, 530 700) × [180 200, 180 300) in March only, days 1–28 at noon.
 */
import { createRandom } from '../../../../shared/util/random.js';
import { BNG_CSV_HEADER } from './bng-csv.js';

export interface PlantedEvent {
  x: number;
  y: number;
  month: number;
  day: number;
  cluster: boolean;
}

export function plantedMarchCluster(seed: number, months: number): PlantedEvent[] {
  const rng = createRandom(seed);
  const events: PlantedEvent[] = [];
  for (let month = 1; month <= months; month++)
    for (let k = 0; k < 60; k++)
      events.push({
        x: 530_000 + rng.next() * 999,
        y: 180_000 + rng.next() * 999,
        month,
        day: 1 + (k % 28),
        cluster: false,
      });
  for (let k = 0; k < 30; k++)
    events.push({
      x: 530_600 + rng.next() * 99,
      y: 180_200 + rng.next() * 99,
      month: 3,
      day: 1 + (k % 28),
      cluster: true,
    });
  return events;
}

/** The events as CSV lines, header first, referenced R0, R1, … in order. */
export function plantedCsvLines(events: readonly PlantedEvent[]): string[] {
  const dd = (n: number) => String(n).padStart(2, '0');
  return [
    BNG_CSV_HEADER,
    ...events.map(
      (e, i) => `R${i},${dd(e.day)}/${dd(e.month)}/2024 12:00,${e.x.toFixed(2)},${e.y.toFixed(2)},Burglary`,
    ),
  ];
}
