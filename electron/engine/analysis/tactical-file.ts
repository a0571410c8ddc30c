/**
 * A tactical assessment written out: rendered (tactical-export.ts) under the project's protective
 * marking unless told otherwise, written atomically when a path is given, and recorded in the audit
 * log. Called by the `exportTactical` handler and by `hotspot tactical` alike.
 */
import type { TacticalResult } from '../../../shared/api/tactical-api.js';
import { isoDate } from '../../../shared/model/time.js';
import type { EngineContext } from '../context.js';
import { writeFileAtomic } from '../export/atomic-write.js';
import { printHtmlToPdf } from '../export/print-pdf.js';
import { projectMarking } from '../project/actions.js';
import { renderTactical, type TacticalFormat } from './tactical-export.js';

export interface TacticalFile {
  fileName: string;
  data: Uint8Array;
  marking: string;
  /** Where it was written; absent when the caller takes the bytes. */
  path?: string;
}

export async function writeTacticalFile(
  ctx: EngineContext,
  result: TacticalResult,
  options: { format: TacticalFormat; marking?: string | undefined; path?: string | undefined },
): Promise<TacticalFile> {
  const { format, path } = options;
  const marking = options.marking ?? projectMarking(ctx.project().db);
  const data = await renderTactical(result, format, {
    marking,
    appVersion: ctx.appVersion,
    printPdf: printHtmlToPdf,
  });
  if (path) await writeFileAtomic(path, data);
  ctx.audit('export', {
    kind: 'tactical-assessment',
    format,
    marking,
    bytes: data.byteLength,
    createdOn: isoDate(Date.now()),
    ...(path ? { path } : {}),
  });
  const { from, to } = result.periods.current;
  return {
    fileName: `tactical-assessment-${from}-to-${to}.${format}`,
    data,
    marking,
    ...(path ? { path } : {}),
  };
}
