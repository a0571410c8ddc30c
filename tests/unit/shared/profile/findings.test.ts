import { describe, expect, it } from 'vitest';
import { applyEdits, findingWithMark, reviewState } from '../../../../shared/profile/findings.js';

const generated = [
  { id: 'summary:headline', text: 'Hotspot 1 rose from 62 to 106.' },
  { id: 'summary:counts', text: '980 events.' },
];

describe('applyEdits', () => {
  it('shows the generated wording, unedited, when the analyst changed nothing', () => {
    expect(applyEdits(generated, {})).toEqual([
      {
        id: 'summary:headline',
        text: 'Hotspot 1 rose from 62 to 106.',
        generated: 'Hotspot 1 rose from 62 to 106.',
        edited: false,
        stale: false,
      },
      { id: 'summary:counts', text: '980 events.', generated: '980 events.', edited: false, stale: false },
    ]);
  });

  it('keeps an edit through a rebuild that generates the same wording, marked edited', () => {
    const saved = {
      findings: {
        'summary:headline': { text: 'Hotspot 1 (Castle) rose sharply.', basedOn: generated[0]!.text },
      },
    };
    const rebuilt = applyEdits(generated, saved);
    expect(rebuilt[0]).toMatchObject({
      text: 'Hotspot 1 (Castle) rose sharply.',
      edited: true,
      stale: false,
    });
    expect(findingWithMark(rebuilt[0]!)).toBe('Hotspot 1 (Castle) rose sharply. (edited by the analyst)');
    expect(rebuilt[1]!.edited).toBe(false);
  });

  it('keeps the edit but flags it when the figures changed since', () => {
    const saved = {
      findings: { 'summary:counts': { text: 'About a thousand events.', basedOn: '980 events.' } },
    };
    const rebuilt = applyEdits([{ id: 'summary:counts', text: '1,020 events.' }], saved);
    expect(rebuilt[0]).toMatchObject({
      text: 'About a thousand events.',
      generated: '1,020 events.',
      edited: true,
      stale: true,
    });
    expect(findingWithMark(rebuilt[0]!)).toContain('check against the figures');
  });
});

describe('reviewState', () => {
  it('is not reviewed without a date, and counts edited and stale findings', () => {
    const findings = applyEdits(generated, {
      findings: { 'summary:headline': { text: 'x', basedOn: 'old wording' } },
    });
    expect(reviewState(undefined, findings)).toEqual({
      reviewedAt: null,
      editedFindings: 1,
      staleFindings: 1,
    });
    expect(reviewState('2026-01-06', findings).reviewedAt).toBe('2026-01-06');
  });
});
