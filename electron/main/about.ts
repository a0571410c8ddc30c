/**
 * The text of Help › About and Help › Data protection notes. Pure, so the wording is checked by tests
 * and the dialogs in menu-actions.ts only display it.
 */
import type { AppInfo } from '../../shared/api/project-api.js';

export interface RuntimeVersions {
  electron?: string;
  chrome?: string;
  node?: string;
}

/** "MIT: 120 packages, ISC: 14 packages, Apache-2.0: 1 package", most common first. */
export function licenceSummary(licences: AppInfo['licences']): string {
  const counts = new Map<string, number>();
  for (const { licence } of licences) counts.set(licence, (counts.get(licence) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([licence, n]) => `${licence}: ${n} ${n === 1 ? 'package' : 'packages'}`)
    .join(', ');
}

/** One line per bundled package, "name version — licence", for the clipboard. */
export function licenceList(info: AppInfo): string {
  return [
    `${info.name} ${info.version}: third-party software`,
    ...info.licences.map((l) => `${l.name} ${l.version} — ${l.licence}`),
  ].join('\n');
}

export function aboutDetail(info: AppInfo, versions: RuntimeVersions): string {
  const runtime = [
    versions.electron && `Electron ${versions.electron}`,
    versions.chrome && `Chromium ${versions.chrome}`,
    versions.node && `Node.js ${versions.node}`,
  ].filter(Boolean);
  return [
    `Version ${info.version}`,
    runtime.join(' · '),
    '',
    `Includes ${info.licences.length} third-party ${info.licences.length === 1 ? 'package' : 'packages'} under their own licences:`,
    licenceSummary(info.licences) || 'none',
    '',
    'Use "Copy licence list" for the full list of packages, versions and licences.',
  ].join('\n');
}

export const DATA_PROTECTION_NOTES = [
  'Hotspot Workbench works offline. It sends nothing over the network: no telemetry, no update checks, and no map tiles unless you allow your own intranet tile server.',
  'Everything you import is kept in the project file (.hsw) you choose, including record-level data. Store project files where your organisation’s policy says personal and sensitive data may be kept, and share them only under your information-sharing agreement.',
  'On import, columns that can identify people (names, dates of birth, phone numbers, e-mail addresses, full postcodes, free-text narratives) are refused. Overriding that needs a reason, which is written to the project’s audit log together with every import and export.',
  'Exports (profiles, slides, maps, tables) contain what you put in them. Check the protective marking and the level of detail before you share one.',
].join('\n\n');
