/**
 * A results analysis recorded against an action, in the profile's Assessment section. Counts:
 * target 40 → 20, buffer 50 → 40, control 100 → 90 (one control for both). By hand:
 *   change against control  (20/40) / (90/100) − 1 = 0.5 / 0.9 − 1 = −44.4 %  → "fell by 44%"
 *   WDQ   success 20/40 − 90/100 = −0.40, displacement 40/50 − 0.90 = −0.10, WDQ = −0.10 / −0.40 = 0.25
 *         (0 < WDQ ≤ 1: diffusion of benefits)
 *   WDD   ΔT + ΔB − 2ΔC = −20 − 10 + 20 = −10; Var = 60 + 90 + 4 × 190 = 910, SE = 30.17;
 *         95 % interval −10 ± 1.96 × 30.17 = −69.1 to 49.1 (includes no change)
 */
import { describe, expect, it } from 'vitest';
import { resultsAnalysis } from '../../../../shared/analysis/results/results-analysis.js';
import type { ActionResultForProfile } from '../../../../shared/profile/assessment-results.js';
import { buildProfileModel } from '../../../../shared/profile/build-model.js';
import { renderProfileHtml } from '../../../../shared/profile/html/render-html.js';
import { profileInputs } from './profile-fixtures.js';

const counts = {
  target: { before: 40, after: 20 },
  buffer: { before: 50, after: 40 },
  control: { before: 100, after: 90 },
};

function recorded(control = counts.control): ActionResultForProfile {
  return {
    action: 'A3: Evening patrols',
    actionFacts: 'Prevention, completed, 01/04/2025 to 30/06/2025, Police, against Area: Market Square',
    areaNames: { target: 'Market Square', buffer: 'Market ring', control: 'Northgate' },
    before: { from: '2025-01-01', to: '2025-03-31' },
    after: { from: '2025-04-01', to: '2025-06-30' },
    recordedAt: '2025-07-05T10:00:00.000Z',
    result: resultsAnalysis(
      { counts: { ...counts, control }, controlOverlap: 0, withoutPoint: 0 },
      { before: 90, after: 91 },
    ),
  };
}

function assessmentText(r: ActionResultForProfile): string {
  const model = buildProfileModel({ ...profileInputs(), actionResults: [r] });
  const section = model.sections.find((s) => s.id === 'assessment')!;
  return JSON.stringify(section.blocks);
}

describe('recorded results in the Assessment section', () => {
  it('states counts, the change against control, the WDQ with its reading and the WDD with SE and interval', () => {
    const text = assessmentText(recorded());
    expect(text).toContain('Result of A3: Evening patrols');
    expect(text).toContain('Result recorded on 05/07/2025');
    expect(text).toContain('Events before (01/01/2025 to 31/03/2025) and after (01/04/2025 to 30/06/2025)');
    expect(text).toContain('["Target: Market Square","40","20","−50.0%"]');
    expect(text).toContain('["Buffer (outside the target): Market ring","50","40","−20.0%"]');
    expect(text).toContain('["Control: Northgate","100","90","−10.0%"]');
    expect(text).toContain(
      'Against the control, crime in the target fell by 44% (target −50.0%, control −10.0%).',
    );
    expect(text).toContain('WDQ 0.25: Diffusion of benefits');
    expect(text).toContain('Success measure −0.40');
    expect(text).toContain('displacement measure −0.10');
    expect(text).toContain('WDD −10.0, standard error 30.2');
    expect(text).toContain('95 % interval −69.1 to 49.1');
    expect(text).toContain('could be chance');
    expect(text).toContain('regression to the mean');
    expect(text).not.toContain('The control itself changed');
  });

  it('warns when the control itself moved by more than half', () => {
    // Control 100 → 40 (−60 %): target against control (20/40)/(40/100) − 1 = +25 %.
    const text = assessmentText(recorded({ before: 100, after: 40 }));
    expect(text).toContain('crime in the target rose by 25%');
    expect(text).toContain('The control itself changed by −60.0%');
  });

  it('puts the result in the Assessment section of the profile HTML, and nothing without one', () => {
    const html = renderProfileHtml(buildProfileModel({ ...profileInputs(), actionResults: [recorded()] }));
    const assessment = html.slice(html.indexOf('<section id="assessment">'));
    expect(assessment).toContain('Result of A3: Evening patrols');
    expect(assessment).toContain('WDD −10.0, standard error 30.2');
    const plain = renderProfileHtml(buildProfileModel(profileInputs()));
    expect(plain).not.toContain('Result of A');
  });
});
