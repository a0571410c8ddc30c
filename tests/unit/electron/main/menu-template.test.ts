import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../../../electron/main/menu-template.js';

function recordingActions() {
  const called: string[] = [];
  const names: (keyof MenuActions)[] = [
    'newProject',
    'openProject',
    'saveProjectAs',
    'importData',
    'importBoundaries',
    'exportProfile',
    'about',
    'dataProtection',
  ];
  const actions = Object.fromEntries(
    names.map((name) => [name, () => called.push(name)]),
  ) as unknown as MenuActions;
  return { actions, called };
}

function menu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const found = template.find((item) => item.label?.replace('&', '') === label);
  if (!found) throw new Error(`no ${label} menu`);
  return found.submenu as MenuItemConstructorOptions[];
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no ${label} item`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

const windows = { appName: 'Hotspot Workbench', isMac: false, isDev: false };

describe('buildMenuTemplate(actions, options)', () => {
  it('has File, Edit, View and Help menus on Windows and Linux', () => {
    const template = buildMenuTemplate(recordingActions().actions, windows);
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('wires each File item to its action', () => {
    const { actions, called } = recordingActions();
    const file = menu(buildMenuTemplate(actions, windows), 'File');
    for (const label of [
      'New Project…',
      'Open Project…',
      'Save Project As…',
      'Import Data…',
      'Import Boundaries…',
      'Export…',
    ]) {
      click(item(file, label));
    }
    expect(called).toEqual([
      'newProject',
      'openProject',
      'saveProjectAs',
      'importData',
      'importBoundaries',
      'exportProfile',
    ]);
    expect(file.at(-1)).toMatchObject({ role: 'quit' });
  });

  it('gives New, Open and Save As the usual shortcuts', () => {
    const file = menu(buildMenuTemplate(recordingActions().actions, windows), 'File');
    expect(item(file, 'New Project…').accelerator).toBe('CmdOrCtrl+N');
    expect(item(file, 'Open Project…').accelerator).toBe('CmdOrCtrl+O');
    expect(item(file, 'Save Project As…').accelerator).toBe('CmdOrCtrl+Shift+S');
  });

  it('uses the standard roles in Edit', () => {
    const edit = menu(buildMenuTemplate(recordingActions().actions, windows), 'Edit');
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('offers reload and DevTools in development only; zoom and full screen always', () => {
    const roles = (isDev: boolean) =>
      menu(buildMenuTemplate(recordingActions().actions, { ...windows, isDev }), 'View')
        .map((i) => i.role)
        .filter(Boolean);
    expect(roles(false)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(true)).toEqual([
      'reload',
      'forceReload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  it('puts About and the data protection notes in Help', () => {
    const { actions, called } = recordingActions();
    const help = menu(buildMenuTemplate(actions, windows), 'Help');
    click(item(help, 'About Hotspot Workbench'));
    click(item(help, 'Data Protection Notes'));
    expect(called).toEqual(['about', 'dataProtection']);
  });

  it('moves About and Quit to the app menu on macOS', () => {
    const { actions, called } = recordingActions();
    const template = buildMenuTemplate(actions, { ...windows, isMac: true });
    expect(template[0].label).toBe('Hotspot Workbench');
    const appMenu = template[0].submenu as MenuItemConstructorOptions[];
    click(item(appMenu, 'About Hotspot Workbench'));
    expect(called).toEqual(['about']);
    expect(appMenu.at(-1)).toMatchObject({ role: 'quit' });
    expect(menu(template, 'File').some((i) => i.role === 'quit')).toBe(false);
    expect(menu(template, 'Help').some((i) => i.label === 'About Hotspot Workbench')).toBe(false);
  });
});
