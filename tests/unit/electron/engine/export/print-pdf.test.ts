import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../../../electron/engine/export/chromium.js';
import { printHtmlToPdf } from '../../../../../electron/engine/export/print-pdf.js';
import { buildProfileModel } from '../../../../../shared/profile/build-model.js';
import { renderProfileHtml } from '../../../../../shared/profile/html/render-html.js';
import { hotspot, kdeRun, knoxRun, profileInputs } from '../../../../unit/shared/profile/profile-fixtures.js';

/** pdfinfo (poppler-utils), an independent PDF reader, when the machine has it. */
function pdfinfo(args: string[], pdf: Uint8Array): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'hotspot-pdf-test-'));
  try {
    const file = path.join(dir, 'profile.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdfinfo', [...args, file], { encoding: 'utf8' });
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const latin1 = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');

describe.skipIf(findChromium() === null)('printHtmlToPdf(html, { marking })', () => {
  const model = buildProfileModel(
    profileInputs({
      kde: kdeRun([hotspot()]),
      knox: knoxRun({ ratio: 1.8, p: 0.001, q: 0.01, significant: true }),
    }),
  );
  const printed = printHtmlToPdf(renderProfileHtml(model, { forPdf: true }), {
    marking: 'OFFICIAL-SENSITIVE',
  });

  it('writes a tagged PDF: a structure tree, marked content and the page language', async () => {
    const pdf = await printed;
    const text = latin1(pdf);
    // Booleans, so a failure does not print the whole binary file.
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.includes('/StructTreeRoot')).toBe(true);
    expect(/\/MarkInfo\s*<<[^>]*\/Marked true/.test(text)).toBe(true);
    expect(text.includes('/Lang (en-GB)')).toBe(true);
    expect(text.includes('/Outlines')).toBe(true);
    const info = pdfinfo([], pdf);
    if (info !== null) {
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^Title:\s+Test <profile> \(OFFICIAL-SENSITIVE\)$/m);
    }
  }, 60_000);

  it('tags the headings in order, table header cells with their scope, and figures with alternative text', async () => {
    const pdf = await printed;
    const struct = pdfinfo(['-struct'], pdf);
    // Without poppler, the structure elements are still names in the file.
    const tags =
      struct === null
        ? [...latin1(pdf).matchAll(/\/S \/(H[1-6]|TH|Table|Figure)\b/g)].map((m) => m[1]!)
        : [...struct.matchAll(/^\s*(H[1-6]|TH|Table|Figure)\b/gm)].map((m) => m[1]!);
    const headings = tags.filter((t) => /^H\d$/.test(t));
    expect(headings[0]).toBe('H1');
    expect(headings.filter((h) => h === 'H1')).toHaveLength(1);
    expect(headings).toContain('H2');
    expect(headings).toContain('H3');
    expect(tags.filter((t) => t === 'TH').length).toBeGreaterThan(20);
    expect(tags).toContain('Table');
    expect(tags).toContain('Figure');
    if (struct !== null) {
      expect(struct).toMatch(/\/Scope \/Column/);
      expect(struct).toMatch(/\/Scope \/Row/);
      expect(latin1(pdf).includes('/Alt')).toBe(true);
    }
  }, 60_000);

  it('prints the protective marking on every page (header and footer)', async () => {
    const pdf = await printed;
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(pdfinfo([], pdf) ?? '')?.[1] ?? 0);
    if (pages === 0) return; // no pdfinfo: the header template is checked in print-options.test.ts
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(pdf), encoding: 'utf8' });
    } catch {
      return;
    }
    const perPage = text.split('\f').filter((p) => p.trim().length > 0);
    expect(perPage).toHaveLength(pages);
    for (const page of perPage) expect(page.match(/OFFICIAL-SENSITIVE/g)!.length).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
