import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/engine/dispatch.js';
import { createEngine, type Engine } from '../../../../electron/engine/engine.js';
import { readAudit } from '../../../../electron/engine/project/audit.js';
import { API_METHOD_NAMES } from '../../../../shared/api/api.js';
import type { ApiEvent } from '../../../../shared/api/jobs.js';
import { projectMethods } from '../../../../shared/api/project-api.js';

let dir: string;
let engine: Engine;
const events: ApiEvent[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-engine-'));
  engine = createEngine({ appVersion: '0.1.0-test', host: 'web', poolSize: 1 });
  engine.events.subscribe((event) => events.push(event));
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('createEngine', () => {
  it('implements every project-api method', () => {
    for (const name of Object.keys(projectMethods))
      expect(typeof engine.api[name as keyof typeof engine.api]).toBe('function');
    expect(API_METHOD_NAMES).toEqual(expect.arrayContaining(Object.keys(projectMethods)));
  });

  it('answers appInfo with the version, host and real licences', async () => {
    const info = await engine.api.appInfo({});
    expect(info).toMatchObject({ name: 'Hotspot Workbench', version: '0.1.0-test', host: 'web' });
    expect(info.licences.length).toBeGreaterThan(10);
  });

  it('has no project at first, and needs one for the audit log', async () => {
    expect(await engine.api.getProject({})).toBeNull();
    expect(() => engine.context.project()).toThrow(expect.objectContaining({ code: 'no-project' }));
    expect(() => engine.context.audit('export', {})).toThrow(expect.objectContaining({ code: 'no-project' }));
  });

  it('creates, closes and reopens a project, announcing each change', async () => {
    const path = join(dir, 'Town.hsw');
    events.length = 0;
    const created = await engine.api.createProject({ path, name: 'Town centre' });
    expect(created).toMatchObject({ path, name: 'Town centre', crs: 'EPSG:27700', datasetCount: 0 });
    expect(await engine.api.getProject({})).toEqual(created);
    engine.context.audit('export', { format: 'pdf' });
    expect(readAudit(engine.context.project().db).map((e) => e.action)).toEqual(['export']);
    expect(await engine.api.closeProject({})).toBeNull();
    expect(await engine.api.getProject({})).toBeNull();
    const reopened = await engine.api.openProject({ path });
    expect(reopened).toEqual(created);
    engine.context.notifyProjectChanged();
    expect(events).toEqual([
      { type: 'project', reason: 'opened' },
      { type: 'project', reason: 'closed' },
      { type: 'project', reason: 'opened' },
      { type: 'project', reason: 'changed' },
    ]);
  });

  it('hashes a registered file as a job, with job events, through dispatch', async () => {
    const path = join(dir, 'extract.csv');
    const content = 'crime_ref,x,y\n'.repeat(10_000);
    writeFileSync(path, content);
    const file = engine.files.register(path);
    events.length = 0;
    const envelope = await dispatch(engine.api, 'hashFile', { jobId: 'hash-job-0001', file });
    expect(envelope).toEqual({
      ok: true,
      value: { sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length },
    });
    const jobStates = events.flatMap((e) => (e.type === 'job' ? [e.job.state] : []));
    expect(jobStates[0]).toBe('queued');
    expect(jobStates.at(-1)).toBe('done');
    expect(await engine.api.listJobs({})).toContainEqual(
      expect.objectContaining({
        id: 'hash-job-0001',
        kind: 'hashFile',
        label: 'Checksum of extract.csv',
        state: 'done',
      }),
    );
  });

  it('refuses to hash a file the analyst did not choose', async () => {
    const envelope = await dispatch(engine.api, 'hashFile', {
      jobId: 'hash-job-0002',
      file: { id: 'notARegisteredId123', name: 'passwd', size: 1 },
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses to close the project while a job runs, and cancelJob stops it', async () => {
    const big = join(dir, 'big.bin');
    writeFileSync(big, Buffer.alloc(64 << 20));
    const running = engine.api.hashFile({ jobId: 'hash-job-0003', file: engine.files.register(big) });
    await expect(engine.api.closeProject({})).rejects.toMatchObject({ code: 'refused' });
    expect(await engine.api.cancelJob({ jobId: 'hash-job-0003' })).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(await engine.api.closeProject({})).toBeNull();
  });
});
