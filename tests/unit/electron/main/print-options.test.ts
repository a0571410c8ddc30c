import { describe, expect, it } from 'vitest';
import { pdfOptions } from '../../../../electron/main/print-options.js';

describe('pdfOptions(marking)', () => {
  it('prints a tagged A4 PDF with an outline and backgrounds, letting the page’s @page size win, and no header without a marking', () => {
    const plain = {
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    };
    expect(pdfOptions(undefined)).toEqual(plain);
    expect(pdfOptions('   ')).toEqual(plain);
  });

  it('keeps the PDF tagged when the marking adds a header and footer', () => {
    const options = pdfOptions('OFFICIAL');
    expect(options.generateTaggedPDF).toBe(true);
    expect(options.generateDocumentOutline).toBe(true);
  });

  it('puts the marking in the header and footer with page numbers, 18 mm and 14 mm margins in inches', () => {
    const options = pdfOptions('OFFICIAL-SENSITIVE');
    expect(options.displayHeaderFooter).toBe(true);
    expect(options.headerTemplate).toContain('OFFICIAL-SENSITIVE');
    expect(options.footerTemplate).toContain(
      '<span class="pageNumber"></span> of <span class="totalPages"></span>',
    );
    expect(options.margins?.top).toBeCloseTo(0.70866, 4);
    expect(options.margins?.left).toBeCloseTo(0.55118, 4);
  });

  it('escapes HTML in the marking', () => {
    const options = pdfOptions('<img src=x onerror=alert(1)>');
    expect(options.headerTemplate).not.toContain('<img');
    expect(options.headerTemplate).toContain('&#60;img');
  });
});
