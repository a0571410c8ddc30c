/**
 * The analysis domain's handlers, composed from one module per analysis so the KDE and the near-repeat
 * work can each own theirs: analysis-kde.ts (runKde) and analysis-knox.ts (runKnox, runChains).
 */
import type { analysisMethods } from '../../../shared/api/analysis-api.js';
import type { EngineContext, Handlers } from '../context.js';
import { createKdeHandlers } from './analysis-kde.js';
import { createKnoxHandlers } from './analysis-knox.js';

export function createAnalysisHandlers(ctx: EngineContext): Handlers<typeof analysisMethods> {
  return {
    ...createKdeHandlers(ctx),
    ...createKnoxHandlers(ctx),
  };
}
