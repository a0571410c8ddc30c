/**
 * Which project file the app was asked to open: `Hotspot Workbench.exe C:\cases\north.hsw` from a
 * file association on Windows and Linux, `electron . north.hsw` in development, or the argv a second
 * instance forwards (see single-instance.ts). macOS delivers files through the 'open-file' event
 * instead and never reaches this.
 */
import path from 'node:path';

export const PROJECT_EXTENSION = '.hsw';

/**
 * The last argument naming a `.hsw` file, resolved against `cwd` (the launching process's working
 * directory), or null. Switches (`--inspect`, and the ones Chromium adds to a second instance's
 * argv) and the executable itself (argv[0]) are ignored. `pathApi` is node:path's win32 or posix
 * flavour, so the Windows rules can be tested anywhere.
 */
export function projectPathFromArgv(
  argv: readonly string[],
  cwd: string,
  pathApi: path.PlatformPath = path,
): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (arg.startsWith('-') || !arg.toLowerCase().endsWith(PROJECT_EXTENSION)) continue;
    if (pathApi.basename(arg).length <= PROJECT_EXTENSION.length) continue;
    return pathApi.resolve(cwd, arg);
  }
  return null;
}
