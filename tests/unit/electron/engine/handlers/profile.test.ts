import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTownProject, type TownProject } from '../profile/town-project.js';

// Count every construction of the analysis handlers: the engine makes one set for the Api; building
// a profile must make none (it calls the engine services, never a handler as if it were a client).
const made = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../../../electron/engine/handlers/analysis.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../../electron/engine/handlers/analysis.js')>();
  return {
    ...actual,
    createAnalysisHandlers: (...args: Parameters<typeof actual.createAnalysisHandlers>) => {
      made.count++;
      return actual.createAnalysisHandlers(...args);
    },
  };
});

let town: TownProject;
beforeAll(async () => {
  town = await createTownProject();
}, 120_000);
afterAll(async () => {
  await town?.close();
});

describe('createProfileHandlers', () => {
  it('builds a profile without constructing analysis handlers (one set exists: the Api’s own)', async () => {
    expect(made.count).toBe(1);
    await town.engine.api.buildProfile({
      jobId: 'profile-handlers-0001',
      subject: 'category:Burglary',
      period: { from: '2025-07-01', to: '2025-09-30' },
      options: { knoxIterations: 19, seed: 1 },
    });
    expect(made.count).toBe(1);
  }, 120_000);

  it('has no sub-job ids to rebuild and cancel', () => {
    const source = readFileSync(
      new URL('../../../../../electron/engine/handlers/profile.ts', import.meta.url),
      'utf8',
    );
    expect(source).not.toMatch(/jobId\.slice|SUB_JOBS|createAnalysisHandlers/);
  });
});
