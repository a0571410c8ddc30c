import { describe, expect, it } from 'vitest';
import { buildProfileModel } from '../../../../shared/profile/build-model.js';
import { renderProfileHtml } from '../../../../shared/profile/html/render-html.js';
import { profileInputs } from './profile-fixtures.js';

describe('recorded JAG actions in the Response section', () => {
  it('lists each recorded action under its own strand, after the recommendations', () => {
    const inputs = {
      ...profileInputs(),
      recordedActions: [
        {
          type: 'enforcement' as const,
          text: 'Already tasked (A1, active): Warrants; CID, 01/10/2025 to 31/10/2025; against Hotspot 1.',
        },
        {
          type: 'reassurance' as const,
          text: 'Already tasked (A2, planned): Leaflet drop; Council, 01/11/2025 to 30/11/2025; against Area: Estate.',
        },
      ],
    };
    const model = buildProfileModel(inputs);
    const strand = (id: string) => model.sections.find((s) => s.id.endsWith(id))!;
    const plain = buildProfileModel(profileInputs());
    const plainCount = (id: string) => plain.sections.find((s) => s.id.endsWith(id))!.findings!.length;
    const enforcement = strand('enforcement').findings!;
    expect(enforcement.length).toBe(plainCount('enforcement') + 1);
    expect(enforcement.at(-1)!.text).toContain('Warrants');
    expect(strand('reassurance').findings!.at(-1)!.text).toContain('Leaflet drop');
    expect(strand('prevention').findings!.length).toBe(plainCount('prevention'));
    const html = renderProfileHtml(model);
    const response = html.slice(html.indexOf('<section id="response">'));
    expect(response).toContain('Already tasked (A1, active): Warrants');
  });
});
