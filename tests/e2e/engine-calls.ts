/**
 * Talking to the engine behind `hotspot serve` the way the page does (upload, then Api calls), for
 * specs that set data up before they drive the UI. One copy: each spec used to carry its own.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, type Served } from './fixtures.js';

export const SAMPLE = resolve(import.meta.dirname, '../../resources/sample');

/** The call's value, as loosely typed as the JSON it arrived in (Playwright's own type). */
export type ApiCall = (method: string, input: unknown) => ReturnType<APIResponse['json']>;

/** Calls one Api method; fails the test with the engine's error when the call does not succeed. */
export function apiCaller(request: APIRequestContext, hotspot: Served): ApiCall {
  return async (method, input) => {
    const response = await request.post(`${hotspot.origin}/api/call/${method}`, {
      headers: { Authorization: `Bearer ${hotspot.token}` },
      data: input,
    });
    const envelope = await response.json();
    expect(envelope.ok, JSON.stringify(envelope.error)).toBe(true);
    return envelope.value;
  };
}

/** What `runImport` reports, as loosely typed as the JSON it arrived in. */
export type ImportSummary = Awaited<ReturnType<ApiCall>>;

/** Uploads `data` as a file called `name` and imports it as `dataset` with the suggested mapping. */
export async function importFile(
  request: APIRequestContext,
  hotspot: Served,
  name: string,
  data: Buffer,
  dataset: string,
): Promise<{ call: ApiCall; summary: ImportSummary }> {
  const upload = await request.post(`${hotspot.origin}/api/upload?name=${encodeURIComponent(name)}`, {
    headers: { Authorization: `Bearer ${hotspot.token}`, 'Content-Type': 'application/octet-stream' },
    data,
  });
  const ref = (await upload.json()).value;
  const call = apiCaller(request, hotspot);
  const preview = await call('previewImport', { file: ref });
  const summary = await call('runImport', {
    jobId: `job-e2e-${Date.now()}`,
    file: ref,
    dataset,
    mapping: preview.mapping,
  });
  return { call, summary };
}

/** Imports one of the sample town's files as `dataset` with the mapping the engine suggests. */
export async function importSample(
  request: APIRequestContext,
  hotspot: Served,
  file: string,
  dataset: string,
): Promise<ApiCall> {
  const data = await readFile(resolve(SAMPLE, file));
  return (await importFile(request, hotspot, file, data, dataset)).call;
}
