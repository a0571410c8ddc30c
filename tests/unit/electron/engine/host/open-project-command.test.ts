/**
 * `hotspot serve --project`: the engine thread's 'openProject' command opens or creates the project
 * through the session service (no Api handler called as a client), and refuses a file that is not
 * a project with the session's own message.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteEngine } from '../../../../../electron/engine/host/engine-client.js';
import { startEngineThread } from '../../../../../electron/engine/host/engine-thread.js';

let dir: string;
let engine: RemoteEngine;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-open-cmd-'));
  engine = startEngineThread({ appVersion: '0.0.0-test', host: 'web', poolSize: 1 });
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the engine thread's openProject command", () => {
  it('creates a project, then opens the same file', async () => {
    const path = join(dir, 'new.hsw');
    const created = await engine.command({ name: 'openProject', path, create: true });
    expect(created.ok).toBe(true);
    expect(existsSync(path)).toBe(true);
    const opened = await engine.command({ name: 'openProject', path, create: false });
    expect(opened).toMatchObject({ ok: true, value: { path } });
    expect(await engine.api.getProject({})).toMatchObject({ path });
  });

  it('refuses a file that is not a project', async () => {
    const path = join(dir, 'not-a-project.hsw');
    writeFileSync(path, 'x');
    const envelope = await engine.command({ name: 'openProject', path, create: false });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.message).toContain('not a Hotspot Workbench project');
  });
});
