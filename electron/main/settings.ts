/**
 * The analyst's app-wide settings, kept in settings.json in the user-data folder. Today that is the
 * intranet tile origins the map may load from (DESIGN.md §3 "Map"); each one widens the CSP and
 * the request filter, so it is validated here on every read and only ever added after the analyst
 * confirms it in a native dialog (desktop-ipc.ts).
 */
import { tileOrigin } from '../../shared/security/csp.js';
import { readJsonFile, writeJsonAtomic } from './json-file.js';

export interface AppSettings {
  /** Bare http(s) origins of intranet XYZ/WMS tile servers, canonical form. */
  tileOrigins: string[];
}

export const DEFAULT_SETTINGS: AppSettings = { tileOrigins: [] };

/** Settings read back from JSON; anything malformed falls back to the defaults, invalid origins are dropped. */
export function parseSettings(value: unknown): AppSettings {
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_SETTINGS };
  const raw = (value as Record<string, unknown>).tileOrigins;
  const tileOrigins: string[] = [];
  if (Array.isArray(raw)) {
    for (const entry of raw) {
      if (typeof entry !== 'string') continue;
      try {
        const origin = tileOrigin(entry);
        if (!tileOrigins.includes(origin)) tileOrigins.push(origin);
      } catch {
        // An origin edited by hand into something invalid must not widen the policy.
      }
    }
  }
  return { tileOrigins };
}

/** The settings file, read once at start-up and written atomically on every change. */
export class SettingsStore {
  private current: AppSettings;

  constructor(private readonly file: string) {
    this.current = parseSettings(readJsonFile(file));
  }

  get(): AppSettings {
    return { tileOrigins: [...this.current.tileOrigins] };
  }

  /** Adds an origin (validated, canonical); returns the canonical form. Throws RangeError for an invalid one. */
  addTileOrigin(origin: string): string {
    const canonical = tileOrigin(origin);
    if (!this.current.tileOrigins.includes(canonical)) {
      const next = { tileOrigins: [...this.current.tileOrigins, canonical] };
      writeJsonAtomic(this.file, next);
      this.current = next;
    }
    return canonical;
  }
}
