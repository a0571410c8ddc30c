/**
 * The Api fuzzed (issue 14 item 5): every method in API_METHOD_NAMES is called through dispatch.ts,
 * as every transport calls it, with seeded random and malformed arguments: wrong types, missing and
 * extra keys, hostile strings (paths outside the project, NUL, __proto__, very long), huge and
 * non-finite numbers, deep objects, and near-valid inputs built from the method's own schema keys.
 * Every call must come back as an Envelope (never a throw) whose error has a known code and a
 * message that is not a JavaScript crash; no file may appear or change outside the project's folder.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/engine/dispatch.js';
import { createEngine, type Engine } from '../../../../electron/engine/engine.js';
import { API_METHOD_NAMES, apiMethods } from '../../../../shared/api/api.js';
import { API_ERROR_CODES } from '../../../../shared/api/errors.js';
import { seeded } from './make-hostile.js';

const CALLS_PER_METHOD = 40;

let root: string;
let projectDir: string;
let outside: string;
let projectPath: string;
let engine: Engine;

/** Every file under `dir` with its size and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const s = statSync(path);
        out[path] = `${s.size}:${s.mtimeMs}`;
      }
    }
  };
  walk(dir);
  return out;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hsw-fuzz-'));
  projectDir = join(root, 'project');
  outside = join(root, 'outside');
  mkdirSync(projectDir);
  mkdirSync(outside);
  writeFileSync(join(outside, 'extract.csv'), 'Crime Reference,Easting,Northing\nA1,373000,455000\n');
  writeFileSync(join(outside, 'existing.hsw'), 'not a project');
  engine = createEngine({ appVersion: '0.1.0-fuzz', host: 'web', poolSize: 1 });
  projectPath = join(projectDir, 'fuzz.hsw');
  await engine.api.createProject({ path: projectPath, name: 'Fuzz' });
});
afterAll(async () => {
  await engine.close();
  rmSync(root, { recursive: true, force: true });
});

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Hostile leaf values: what a compromised page or a confused script could send. */
function leaf(random: Random): unknown {
  const strings = [
    '',
    ' ',
    'x',
    '0',
    'true',
    '__proto__',
    'constructor',
    '\u0000',
    'a'.repeat(100_000),
    '../../../../etc/passwd',
    join(outside, 'extract.csv'),
    join(outside, 'existing.hsw'),
    join(outside, 'new.hsw'),
    join(outside, 'sub', 'deeper', 'x.csv'),
    'C:\\Windows\\System32\\drivers\\etc\\hosts',
    '\\\\server\\share\\x.hsw',
    'file:///etc/passwd',
    "=cmd|' /C calc'!A0",
    '<script>alert(1)</script>',
    "'; DROP TABLE records; --",
    'EPSG:27700',
    'EPSG:99999999',
    '2024-02-30',
    '01/03/2024',
    'job-00000001',
    'AAAAAAAAAAAAAAAA',
    '\uD800',
    '🏴‍☠️',
  ];
  const numbers = [
    0,
    -0,
    1,
    -1,
    0.5,
    2 ** 31,
    -(2 ** 53),
    1e308,
    -1e308,
    Number.NaN,
    Infinity,
    -Infinity,
    1e-320,
  ];
  switch (Math.floor(random() * 8)) {
    case 0:
      return pick(random, strings);
    case 1:
      return pick(random, numbers);
    case 2:
      return pick(random, [null, undefined, true, false]);
    case 3:
      return [];
    case 4:
      return {};
    case 5:
      return {
        id: pick(random, ['AAAAAAAAAAAAAAAA', 'x', '../x']),
        name: pick(random, strings),
        size: pick(random, numbers),
      };
    case 6:
      return JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`);
    default:
      return Array.from({ length: Math.floor(random() * 5) }, () => pick(random, strings));
  }
}

/** The keys the method's input schema names (a zod object's shape), for near-valid inputs. */
function schemaKeys(method: (typeof API_METHOD_NAMES)[number]): string[] {
  const shape = (apiMethods[method].input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function randomInput(random: Random, keys: string[]): unknown {
  const mode = random();
  if (mode < 0.15) return leaf(random);
  const input: Record<string, unknown> = {};
  for (const key of keys) if (random() < 0.8) input[key] = leaf(random);
  if (mode > 0.85) input[pick(random, ['__proto__', 'sql', 'path', 'extra', 'constructor'])] = leaf(random);
  return input;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const CRASH_MESSAGE =
  /Cannot read propert|is not a function|is not iterable|Maximum call stack|undefined is not|of undefined|of null|Unexpected token/;

describe('the Api fuzzed through dispatch', () => {
  it('answers every call with an envelope and a typed error, touching no file outside the project', async () => {
    const random = seeded(2026);
    const outsideBefore = snapshot(outside);
    const problems: string[] = [];
    const codes: Record<string, number> = {};
    let calls = 0;
    for (const method of API_METHOD_NAMES) {
      const keys = schemaKeys(method);
      for (let i = 0; i < CALLS_PER_METHOD; i++) {
        const input = randomInput(random, keys);
        // createProject writes where it is told by design (the host decides the path: a save
        // dialog, the command line); its fuzzed paths stay in the project's folder, and every
        // other method, openProject included, gets paths outside it.
        if (method === 'createProject' && isRecord(input) && typeof input.path === 'string')
          input.path = join(projectDir, `created-${calls}.hsw`);
        let envelope: Awaited<ReturnType<typeof dispatch>>;
        try {
          envelope = await dispatch(engine.api, method, input);
        } catch (error) {
          problems.push(`${method}: dispatch threw ${(error as Error).message}`);
          continue;
        }
        calls++;
        if (envelope.ok) {
          codes.ok = (codes.ok ?? 0) + 1;
        } else {
          const { code, message } = envelope.error;
          codes[code] = (codes[code] ?? 0) + 1;
          if (!API_ERROR_CODES.includes(code)) problems.push(`${method}: unknown code ${code}`);
          if (typeof message !== 'string' || message.length === 0) problems.push(`${method}: no message`);
          else if (CRASH_MESSAGE.test(message)) problems.push(`${method}: crash: ${message.slice(0, 200)}`);
        }
        // Keep the project open so methods that need one are reached too.
        if ((await engine.api.getProject({})) === null) await engine.api.openProject({ path: projectPath });
      }
    }
    // Random calls to the method name itself.
    for (const method of [
      '__proto__',
      'constructor',
      'toString',
      '',
      42,
      null,
      'openProject ',
      'OPENPROJECT',
    ]) {
      const envelope = await dispatch(engine.api, method, {});
      calls++;
      if (envelope.ok || envelope.error.code !== 'invalid-argument')
        problems.push(`${String(method)} was accepted`);
    }
    expect(problems).toEqual([]);
    expect(snapshot(outside)).toEqual(outsideBefore);
    expect(readdirSync(root).sort()).toEqual(['outside', 'project']);
    expect(calls).toBeGreaterThanOrEqual(API_METHOD_NAMES.length * CALLS_PER_METHOD);
    console.info(
      `Api fuzz: ${calls} calls over ${API_METHOD_NAMES.length} methods, outcomes ${JSON.stringify(codes)}`,
    );
  }, 120_000);
});
