import { describe, expect, it } from 'vitest';
import {
  changeCells,
  changeSentence,
  noDataPhrase,
  verdictPhrase,
} from '../../../../shared/profile/period-words.js';
import { change } from './profile-fixtures.js';

const previous = { from: '2017-03-01', to: '2017-03-31' };
const april2017 = { from: '2017-04-01', to: '2017-04-30', missingMonths: [] };

describe('noDataPhrase', () => {
  it('says "no data for the previous period (the data start on 1 April 2017)" for a period before the data', () => {
    expect(noDataPhrase('the previous period', previous, april2017)).toBe(
      'no data for the previous period (the data start on 1 April 2017)',
    );
  });

  it('says when the data end for a period after them, and names months without records', () => {
    expect(noDataPhrase('next month', { from: '2017-05-01', to: '2017-05-31' }, april2017)).toBe(
      'no data for next month (the data end on 30 April 2017)',
    );
    expect(
      noDataPhrase(
        'the previous period',
        { from: '2017-02-01', to: '2017-03-31' },
        { from: '2017-01-01', to: '2017-06-30', missingMonths: ['2017-03'] },
      ),
    ).toBe('no data for the previous period (the data hold no records for Mar 2017)');
  });
});

describe('changeSentence', () => {
  it('gives no count, no change and no test when the baseline is null', () => {
    const text = changeSentence(null, null, 'the previous period', previous, april2017);
    expect(text).toBe('no data for the previous period (the data start on 1 April 2017)');
    expect(text).not.toMatch(/\d+(\.\d+)?%|p [=<]|significant|compared with none/);
  });

  it('calls 20 against 5 a significant increase with its q after BH and the test in words', () => {
    // 20 of 25 events in the first of two equal periods: p = 2·P(X ≥ 20 | 25, 1/2) = 0.004077 (binom.test).
    const text = changeSentence(5, change(20, 5, 0.012), 'the previous period', previous, april2017);
    expect(text).toBe(
      'up 300.0% on the previous period (5; significant increase: q = 0.012 after Benjamini–Hochberg correction, p = 0.004, exact conditional Poisson test)',
    );
  });

  it('does not call a change significant when p < 0.05 but q is not', () => {
    const text = verdictPhrase(change(20, 5, 0.09));
    expect(text).toBe('no significant change: p = 0.004, q = 0.090, exact conditional Poisson test');
  });
});

describe('changeCells', () => {
  it('writes "no data" and "not tested" for a period without data, never 0', () => {
    expect(changeCells(null, null)).toEqual(['no data', '', '', '', 'not tested: no data']);
  });

  it('puts q beside p', () => {
    // 4 against 10 in equal periods: p = 0.1796 (binom.test(4, 14)).
    expect(changeCells(10, change(4, 10, 0.3))).toEqual([
      '10',
      '−60.0%',
      '0.180',
      '0.300',
      'no significant change',
    ]);
  });
});
