import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliRefusal, CliUsageError } from '../../../../electron/cli/command.js';
import { datasetLabel, readDatasetRecords } from '../../../../electron/cli/event-input.js';
import { chooseEventInput, refusing } from '../../../../electron/cli/event-options.js';
import { ApiError } from '../../../../shared/api/errors.js';
import { tempDir } from './cli-harness.js';

describe('chooseEventInput(values, positionals)', () => {
  it('takes one CSV file, or a project (path resolved) with its dataset', () => {
    expect(chooseEventInput({}, ['events.csv'])).toEqual({ csv: 'events.csv' });
    expect(chooseEventInput({ project: 'town.hsw', dataset: 'Burglary' }, [])).toEqual({
      project: resolve('town.hsw'),
      dataset: 'Burglary',
    });
  });

  it.each([
    ['no input at all', {}, [], 'give one FILE.csv (or --project P.hsw --dataset NAME)'],
    ['two CSV files', {}, ['a.csv', 'b.csv'], 'give one FILE.csv (or --project P.hsw --dataset NAME)'],
    ['a CSV and a project', { project: 'p.hsw', dataset: 'D' }, ['a.csv'], 'not both'],
    ['a project without a dataset', { project: 'p.hsw' }, [], '--project needs --dataset NAME'],
  ])('refuses %s as wrong usage', (_what, values, positionals, message) => {
    expect(() => chooseEventInput(values, positionals)).toThrow(CliUsageError);
    expect(() => chooseEventInput(values, positionals)).toThrow(message);
  });
});

describe('readDatasetRecords(path, dataset, command, use)', () => {
  it('refuses a project file that does not exist, saying the command never creates one', () => {
    const missing = join(tempDir('hotspot-event-input-'), 'missing.hsw');
    expect(() => readDatasetRecords(missing, 'Burglary', 'knox', () => 0)).toThrow(
      new CliRefusal(`no project at ${missing}: check the path (knox never creates one)`),
    );
  });
});

describe('datasetLabel and refusing', () => {
  it('names a dataset input by the project file and the dataset', () => {
    expect(datasetLabel('/data/town.hsw', 'Burglary')).toBe('town.hsw › Burglary');
  });

  it('turns guard rails and engine refusals into CLI refusals, and lets other errors through', () => {
    expect(() =>
      refusing(() => {
        throw new RangeError('bandwidthM must be > 0, got -5');
      }),
    ).toThrow(new CliRefusal('bandwidthM must be > 0, got -5'));
    expect(() =>
      refusing(() => {
        throw new ApiError('refused', 'not a project');
      }),
    ).toThrow(CliRefusal);
    expect(() =>
      refusing(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
    expect(refusing(() => 7)).toBe(7);
  });
});
