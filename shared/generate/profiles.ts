/**
 * When things happen in Ashbridge: hour-of-day, weekday and month weights per kind of event, and
 * window shapes for crimes discovered after the fact. The shapes follow what UK analysts see:
 * dwelling burglary by day and on dark winter evenings with windows from "while at work" to "while
 * on holiday"; vehicle crime overnight; violence in the evening and at weekends; the night-time
 * economy on Friday and Saturday nights 22:00–03:00; ASB and secondary fires on summer evenings,
 * with a spike of secondary fires around Bonfire Night (30 October – 5 November).
 */
import type { TimeProfile, WindowShape } from './time-sampling.js';
import { weekdayMonthWeight } from './time-sampling.js';

// Hours 0–23.
const BURGLARY_HOURS = [
  0.4, 0.3, 0.3, 0.3, 0.3, 0.4, 0.6, 0.9, 1.2, 1.4, 1.5, 1.5, 1.5, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.0, 1.8,
  1.4, 0.9, 0.6,
];
const VEHICLE_HOURS = [
  2.2, 2.3, 2.2, 2.0, 1.6, 1.1, 0.7, 0.5, 0.4, 0.5, 0.6, 0.7, 0.7, 0.7, 0.7, 0.8, 0.9, 1.0, 1.1, 1.3, 1.5,
  1.8, 2.0, 2.1,
];
const VIOLENCE_HOURS = [
  1.6, 1.5, 1.2, 0.8, 0.4, 0.2, 0.2, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6,
  1.8, 2.0, 1.9,
];
const DAMAGE_HOURS = [
  0.9, 0.7, 0.5, 0.3, 0.2, 0.2, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.9, 1.0, 1.1, 1.3, 1.5, 1.7, 1.9, 2.1, 2.2,
  2.0, 1.6, 1.2,
];
const ASB_HOURS = [
  0.5, 0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.7, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.7, 2.0, 2.2, 2.3, 2.4, 2.3,
  2.0, 1.4, 0.9,
];
const FIRE_HOURS = [
  0.6, 0.4, 0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.3, 0.5, 0.6, 0.8, 1.0, 1.2, 1.4, 1.7, 2.0, 2.3, 2.5, 2.5, 2.3,
  1.9, 1.4, 0.9,
];
const DAYTIME_HOURS = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.3, 1.5, 1.6, 1.7, 1.7, 1.7, 1.7, 1.7, 1.6, 1.4, 1.1, 0.9, 0.7,
  0.5, 0.4, 0.3,
];
/** Hours 22, 23, 0, 1, 2 of a night (see TimeProfile.night). */
const NIGHT_ECONOMY_HOURS = [2, 3, 3, 2, 1];

// Weekdays Monday–Sunday.
const FLAT_WEEK = [1, 1, 1, 1, 1, 1, 1];
const BURGLARY_WEEK = [1.05, 1, 1, 1, 1.05, 0.95, 0.9];
const VIOLENCE_WEEK = [0.8, 0.75, 0.8, 0.9, 1.2, 1.6, 1.3];
const ASB_WEEK = [0.9, 0.9, 0.9, 1, 1.2, 1.3, 1.1];
/** The night that starts on this weekday. */
const NIGHT_ECONOMY_WEEK = [0.2, 0.2, 0.3, 0.5, 2.5, 3, 0.6];
const ADMISSION_WEEK = [0.9, 0.8, 0.8, 0.9, 1.0, 1.4, 1.6];

// Months January–December.
const FLAT_YEAR = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const DARK_NIGHTS_YEAR = [1.2, 1.05, 0.95, 0.85, 0.8, 0.8, 0.85, 0.9, 0.95, 1.1, 1.25, 1.3];
const SUMMER_YEAR = [0.8, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.3, 1.0, 1.1, 1.0, 0.8];
const SPRING_FIRE_YEAR = [0.8, 0.9, 1.3, 1.5, 1.3, 1.1, 1.0, 1.0, 0.9, 1.0, 1.2, 0.9];
const VIOLENCE_YEAR = [0.95, 0.9, 0.95, 1, 1.05, 1.1, 1.1, 1.05, 1, 1, 0.95, 1.15];

const BONFIRE_BOOST = 6;

function bonfireWeight(base: (ms: number) => number) {
  return (ms: number): number => {
    const d = new Date(ms);
    const m = d.getUTCMonth();
    const day = d.getUTCDate();
    const bonfire = (m === 9 && day >= 30) || (m === 10 && day <= 5);
    return base(ms) * (bonfire ? BONFIRE_BOOST : 1);
  };
}

export const RESIDENTIAL_BURGLARY_WINDOWS: readonly WindowShape[] = [
  { p: 0.5, minHours: 3, maxHours: 11 },
  { p: 0.22, minHours: 24, maxHours: 240 },
  { p: 0.18, minHours: 0.5, maxHours: 2 },
];
/** Series burglaries: short windows, so each event's day is known to within a day. */
export const SERIES_BURGLARY_WINDOWS: readonly WindowShape[] = [
  { p: 0.6, minHours: 2, maxHours: 9 },
  { p: 0.4, minHours: 0.5, maxHours: 2 },
];

export const PROFILES = {
  residentialBurglary: {
    dayWeight: weekdayMonthWeight(BURGLARY_WEEK, DARK_NIGHTS_YEAR),
    hourWeight: BURGLARY_HOURS,
    windows: RESIDENTIAL_BURGLARY_WINDOWS,
  },
  businessBurglary: {
    dayWeight: weekdayMonthWeight(FLAT_WEEK, DARK_NIGHTS_YEAR),
    hourWeight: VEHICLE_HOURS,
    windows: [
      { p: 0.65, minHours: 8, maxHours: 15 },
      { p: 0.3, minHours: 40, maxHours: 64 },
    ],
  },
  vehicle: {
    dayWeight: weekdayMonthWeight(FLAT_WEEK, DARK_NIGHTS_YEAR),
    hourWeight: VEHICLE_HOURS,
    windows: [
      { p: 0.55, minHours: 6, maxHours: 11 },
      { p: 0.3, minHours: 1, maxHours: 4 },
    ],
  },
  carPark: {
    dayWeight: weekdayMonthWeight([1.1, 1.1, 1.1, 1.1, 1.2, 1.0, 0.6], DARK_NIGHTS_YEAR),
    hourWeight: DAYTIME_HOURS,
    windows: [{ p: 0.8, minHours: 2, maxHours: 10 }],
  },
  violence: {
    dayWeight: weekdayMonthWeight(VIOLENCE_WEEK, VIOLENCE_YEAR),
    hourWeight: VIOLENCE_HOURS,
    windows: [{ p: 0.1, minHours: 0.5, maxHours: 2 }],
  },
  nightEconomy: {
    dayWeight: weekdayMonthWeight(NIGHT_ECONOMY_WEEK, VIOLENCE_YEAR),
    hourWeight: NIGHT_ECONOMY_HOURS,
    night: true,
  },
  damage: {
    dayWeight: weekdayMonthWeight(ASB_WEEK, SUMMER_YEAR),
    hourWeight: DAMAGE_HOURS,
    windows: [
      { p: 0.3, minHours: 2, maxHours: 10 },
      { p: 0.2, minHours: 8, maxHours: 13 },
    ],
  },
  asb: { dayWeight: weekdayMonthWeight(ASB_WEEK, SUMMER_YEAR), hourWeight: ASB_HOURS },
  secondaryFire: {
    dayWeight: bonfireWeight(weekdayMonthWeight(ASB_WEEK, SPRING_FIRE_YEAR)),
    hourWeight: FIRE_HOURS,
  },
  primaryFire: { dayWeight: weekdayMonthWeight(FLAT_WEEK, FLAT_YEAR), hourWeight: DAMAGE_HOURS },
  maliciousAlarm: { dayWeight: weekdayMonthWeight(ASB_WEEK, FLAT_YEAR), hourWeight: ASB_HOURS },
  ambulanceAssault: {
    dayWeight: weekdayMonthWeight(VIOLENCE_WEEK, VIOLENCE_YEAR),
    hourWeight: VIOLENCE_HOURS,
  },
  admission: { dayWeight: weekdayMonthWeight(ADMISSION_WEEK, VIOLENCE_YEAR), hourWeight: VIOLENCE_HOURS },
} satisfies Record<string, TimeProfile>;

/** The same profile with every day outside [fromMs, toMs) given weight 0. */
export function onlyBetween(profile: TimeProfile, fromMs: number, toMs: number): TimeProfile {
  return { ...profile, dayWeight: (ms) => (ms >= fromMs && ms < toMs ? profile.dayWeight(ms) : 0) };
}
