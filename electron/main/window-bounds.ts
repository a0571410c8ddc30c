/**
 * Where the main window opens: where the analyst left it, unless that place is no longer on any
 * screen (a docking station unplugged, a projector gone), in which case it opens centred on the
 * primary display. Pure; window-state.ts reads and writes the saved JSON.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
/**
 * How much of the saved window must overlap a display for it to count as visible: enough of the
 * title bar to grab it with the mouse (a strip this wide and this tall).
 */
export const MIN_VISIBLE = { width: 160, height: 48 } as const;

/** A saved state read back from JSON, or null when it is missing or malformed. */
export function parseWindowState(value: unknown): SavedWindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as Record<string, unknown>;
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  const numbers = [x, y, width, height];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  if ((width as number) <= 0 || (height as number) <= 0) return null;
  return {
    bounds: { x: x as number, y: y as number, width: width as number, height: height as number },
    maximized: maximized === true,
  };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clampSize(width: number, height: number, area: Rect): { width: number; height: number } {
  return {
    width: Math.round(Math.min(Math.max(width, Math.min(MIN_SIZE.width, area.width)), area.width)),
    height: Math.round(Math.min(Math.max(height, Math.min(MIN_SIZE.height, area.height)), area.height)),
  };
}

function centred(width: number, height: number, area: Rect): Rect {
  const size = clampSize(width, height, area);
  return {
    x: Math.round(area.x + (area.width - size.width) / 2),
    y: Math.round(area.y + (area.height - size.height) / 2),
    ...size,
  };
}

/**
 * The bounds to open the window with, given the saved state and the work areas of the displays
 * now attached (primary first). The window goes on the display it overlaps most; it is resized to
 * fit that display and moved just far enough to lie wholly inside it. When no display shows at
 * least MIN_VISIBLE of it, or nothing was saved, it is centred on the primary display.
 */
export function restoreBounds(saved: SavedWindowState | null, workAreas: readonly Rect[]): SavedWindowState {
  if (workAreas.length === 0)
    throw new RangeError('restoreBounds needs at least one display work area, got 0');
  const primary = workAreas[0];
  if (saved === null) {
    return { bounds: centred(DEFAULT_SIZE.width, DEFAULT_SIZE.height, primary), maximized: false };
  }
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(saved.bounds, area);
    if (o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height && o.width * o.height > bestArea) {
      best = area;
      bestArea = o.width * o.height;
    }
  }
  if (best === null) {
    return { bounds: centred(saved.bounds.width, saved.bounds.height, primary), maximized: saved.maximized };
  }
  const size = clampSize(saved.bounds.width, saved.bounds.height, best);
  const x = Math.min(Math.max(saved.bounds.x, best.x), best.x + best.width - size.width);
  const y = Math.min(Math.max(saved.bounds.y, best.y), best.y + best.height - size.height);
  return { bounds: { x: Math.round(x), y: Math.round(y), ...size }, maximized: saved.maximized };
}
