/**
 * The options Electron's printToPDF gets for an export: A4 (unless the page's own @page size says
 * otherwise), backgrounds printed, and the protective marking (e.g. "OFFICIAL-SENSITIVE") in the
 * header and footer of every page with "Page n of m", as the CLI's Chromium print does
 * (electron/engine/export/print-pdf.ts). Tagged (an accessible PDF: the page's headings, tables and
 * figure texts become its structure tree) and with an outline of its headings, also as the CLI's. Pure.
 */
import type { PrintToPDFOptions } from 'electron';

const MM_PER_INCH = 25.4;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function pdfOptions(marking: string | undefined): PrintToPDFOptions {
  const base: PrintToPDFOptions = {
    pageSize: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
  if (marking === undefined || marking.trim() === '') return base;
  const band = escapeHtml(marking.trim());
  const style = 'width:100%;font-size:9px;font-family:Arial,sans-serif;';
  return {
    ...base,
    displayHeaderFooter: true,
    headerTemplate: `<div style="${style}text-align:center;font-weight:bold;letter-spacing:0.08em;">${band}</div>`,
    footerTemplate: `<div style="${style}display:flex;justify-content:space-between;padding:0 14mm;"><span style="font-weight:bold;letter-spacing:0.08em;">${band}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    margins: {
      top: 18 / MM_PER_INCH,
      bottom: 18 / MM_PER_INCH,
      left: 14 / MM_PER_INCH,
      right: 14 / MM_PER_INCH,
    },
  };
}
