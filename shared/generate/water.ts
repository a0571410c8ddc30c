/**
 * The town's water, for the bundled basemap (issue 11 item 2): the River Ash, flowing west to east
 * across the extent about a kilometre south of the centre, as a polygon in BNG metres. Its centre
 * line is a heading random walk pulled back towards east (as the main roads are), sampled every
 * STEP_M; the banks are the centre line offset by half the width, which grows downstream.
 * It draws from its own random stream, so nothing else of the town changes with it.
 */
import type { Random } from '../util/random.js';
import { closedCounterClockwise } from './geometry.js';
import type { TownLayout } from './layout.js';

export interface WaterBody {
  name: string;
  kind: 'river';
  /** Closed counter-clockwise ring [x, y] in BNG metres. */
  ring: number[][];
}

export const RIVER_NAME = 'River Ash';
const STEP_M = 50;
const SOUTH_OF_CENTRE_M = 1_000;
const WIDTH_M: [number, number] = [14, 26];

export function buildWater(rng: Random, layout: TownLayout): WaterBody[] {
  const { extent, centre } = layout;
  const line: number[][] = [];
  let x = extent.minX;
  let y = centre.y - SOUTH_OF_CENTRE_M + rng.uniform(-150, 150);
  let heading = rng.uniform(-0.3, 0.3);
  while (x < extent.maxX) {
    line.push([x, y]);
    heading = 0.8 * heading + rng.uniform(-0.18, 0.18);
    x = Math.min(extent.maxX, x + STEP_M * Math.cos(heading));
    y += STEP_M * Math.sin(heading);
  }
  line.push([extent.maxX, y]);
  const left: number[][] = [];
  const right: number[][] = [];
  line.forEach(([px, py], i) => {
    const [ax, ay] = line[Math.max(0, i - 1)]!;
    const [bx, by] = line[Math.min(line.length - 1, i + 1)]!;
    const length = Math.hypot(bx - ax, by - ay) || 1;
    const half = (WIDTH_M[0] + ((WIDTH_M[1] - WIDTH_M[0]) * i) / (line.length - 1)) / 2;
    const [nx, ny] = [-(by - ay) / length, (bx - ax) / length];
    left.push([Math.round((px! + nx * half) * 10) / 10, Math.round((py! + ny * half) * 10) / 10]);
    right.push([Math.round((px! - nx * half) * 10) / 10, Math.round((py! - ny * half) * 10) / 10]);
  });
  return [{ name: RIVER_NAME, kind: 'river', ring: closedCounterClockwise([...left, ...right.reverse()]) }];
}
