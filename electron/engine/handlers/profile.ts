import type { profileMethods } from '../../../shared/api/profile-api.js';
import type { EngineContext, Handlers } from '../context.js';

export function createProfileHandlers(_ctx: EngineContext): Handlers<typeof profileMethods> {
  return {};
}
