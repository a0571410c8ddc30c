import type { analysisMethods } from '../../../shared/api/analysis-api.js';
import type { EngineContext, Handlers } from '../context.js';

export function createAnalysisHandlers(_ctx: EngineContext): Handlers<typeof analysisMethods> {
  return {};
}
