/**
 * The filtered records of a near-repeat run (Knox or chains) as day events, with the guard rails of
 * DESIGN.md §4 "Guard rails": windows dated by their midpoint unless asked otherwise, month-only
 * records refused unless overridden with a reason (audited), fewer than 2 events refused, lon/lat
 * refused (project first). Shared by knox-service.ts and chains-service.ts.
 */
import type Database from 'better-sqlite3';
import { assertProjectedCoordinates } from '../../../shared/analysis/knox/assert-projected.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { EventColumns, RecordColumns, RecordFilter } from '../../../shared/model/records.js';
import type { EngineContext } from '../context.js';
import { queryRecords } from '../query/query-records.js';
import { toEventColumns } from '../query/to-event-columns.js';

export interface DayEventsInput {
  filter: RecordFilter;
  timeBasis?: 'midpoint' | 'start' | undefined;
  monthOverride?: { reason: string } | undefined;
}

export function nearRepeatEvents(
  ctx: EngineContext,
  db: Database.Database,
  input: DayEventsInput,
  methodName: string,
): { events: EventColumns; caveats: string[]; columns: RecordColumns } {
  const columns = queryRecords(db, input.filter);
  const { events, caveats } = toEventColumns(columns, {
    timeBasis: input.timeBasis ?? 'midpoint',
    ...(input.monthOverride ? { monthOverride: input.monthOverride } : {}),
  });
  if (input.monthOverride && caveats.some((c) => c.includes('month-only'))) {
    ctx.audit('override-month-precision', { method: methodName, reason: input.monthOverride.reason });
  }
  if (events.x.length < 2) {
    throw new ApiError(
      'refused',
      `${methodName} needs at least 2 point records; the filter selects ${events.x.length}`,
    );
  }
  try {
    assertProjectedCoordinates(events.x, events.y);
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError('refused', error.message);
    throw error;
  }
  return { events, caveats, columns };
}

/** Parameter checks of the pure code (RangeError) as the Api's invalid-argument. */
export function checkedArgument<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError('invalid-argument', error.message);
    throw error;
  }
}
