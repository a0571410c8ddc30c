import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  parseWindowState,
  type Rect,
  restoreBounds,
} from '../../../../electron/main/window-bounds.js';

// A 1920×1080 laptop (task bar 40 px) with a 2560×1440 monitor to its right.
const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const monitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restoreBounds(saved, workAreas)', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    expect(restoreBounds(null, [laptop, monitor])).toEqual({
      bounds: { x: (1920 - DEFAULT_SIZE.width) / 2, y: (1040 - DEFAULT_SIZE.height) / 2, ...DEFAULT_SIZE },
      maximized: false,
    });
  });

  it('keeps a window that is wholly on a display where it was', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(restoreBounds(saved, [laptop, monitor])).toEqual(saved);
  });

  it('centres the window on the primary display when its monitor has gone', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: false };
    expect(restoreBounds(saved, [laptop])).toEqual({
      bounds: { x: 160, y: 20, width: 1600, height: 1000 },
      maximized: false,
    });
  });

  it('pulls a window hanging off the edge back wholly onto the display it mostly covers', () => {
    const saved = { bounds: { x: 1500, y: -50, width: 1000, height: 700 }, maximized: false };
    // 420 px over the laptop, 580 px over the monitor: it goes to the monitor, moved right to x = 1920, down to y = 0.
    expect(restoreBounds(saved, [laptop, monitor]).bounds).toEqual({
      x: 1920,
      y: 0,
      width: 1000,
      height: 700,
    });
  });

  it('treats a sliver less than the grab strip as not visible', () => {
    const saved = { bounds: { x: 1900, y: 200, width: 1000, height: 700 }, maximized: false };
    // Only 20 px overlaps the laptop and there is no monitor.
    expect(restoreBounds(saved, [laptop]).bounds).toEqual({ x: 460, y: 170, width: 1000, height: 700 });
  });

  it('shrinks a window larger than its display to fit and grows one below the minimum size', () => {
    const huge = { bounds: { x: 0, y: 0, width: 4000, height: 3000 }, maximized: false };
    expect(restoreBounds(huge, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
    const tiny = { bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false };
    // 200×100 shows more than the 160×48 grab strip, so it stays where it was and grows to the minimum.
    expect(restoreBounds(tiny, [laptop]).bounds).toEqual({ x: 10, y: 10, ...MIN_SIZE });
  });

  it('fits a display smaller than the minimum size', () => {
    const small: Rect = { x: 0, y: 0, width: 640, height: 480 };
    expect(restoreBounds(null, [small]).bounds).toEqual({ x: 0, y: 0, width: 640, height: 480 });
  });

  it('handles displays left of and above the primary (negative coordinates)', () => {
    const left: Rect = { x: -1280, y: -200, width: 1280, height: 1024 };
    const saved = { bounds: { x: -1200, y: -150, width: 900, height: 700 }, maximized: false };
    expect(restoreBounds(saved, [laptop, left]).bounds).toEqual(saved.bounds);
  });

  it('refuses an empty display list', () => {
    expect(() => restoreBounds(null, [])).toThrow(RangeError);
  });
});

describe('parseWindowState(value)', () => {
  it('reads a saved state back', () => {
    const state = { bounds: { x: -10, y: 20, width: 1000, height: 700 }, maximized: true };
    expect(parseWindowState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it.each([
    ['null', null],
    ['a string', 'x'],
    ['missing bounds', { maximized: true }],
    ['a non-numeric coordinate', { bounds: { x: '1', y: 0, width: 10, height: 10 } }],
    ['a zero width', { bounds: { x: 0, y: 0, width: 0, height: 10 } }],
    ['an infinite height', { bounds: { x: 0, y: 0, width: 10, height: Number.POSITIVE_INFINITY } }],
  ])('returns null for %s', (_what, value) => {
    expect(parseWindowState(value)).toBeNull();
  });
});
