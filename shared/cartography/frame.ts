/**
 * A map frame: the mapping from project CRS metres to SVG pixels for a static map.
 * The scale is uniform (no stretching): the extent is fitted inside the drawable area and centred,
 * y flipped because SVG's y grows downwards while northings grow northwards.
 */
export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface MapFrame {
  widthPx: number;
  heightPx: number;
  /** Pixels per metre. */
  scale: number;
  /** The extent actually shown (the requested one grown to the frame's aspect ratio). */
  extent: Extent;
  toPx(x: number, y: number): [number, number];
}

export function makeFrame(extent: Extent, widthPx: number, heightPx: number, marginPx = 0): MapFrame {
  const spanX = extent.maxX - extent.minX;
  const spanY = extent.maxY - extent.minY;
  if (!(spanX > 0 && spanY > 0))
    throw new RangeError(`extent must have positive width and height, got ${spanX} × ${spanY}`);
  if (!(widthPx > 2 * marginPx && heightPx > 2 * marginPx))
    throw new RangeError('frame is smaller than its margins');
  const scale = Math.min((widthPx - 2 * marginPx) / spanX, (heightPx - 2 * marginPx) / spanY);
  const centreX = (extent.minX + extent.maxX) / 2;
  const centreY = (extent.minY + extent.maxY) / 2;
  const halfW = widthPx / scale / 2;
  const halfH = heightPx / scale / 2;
  const shown = {
    minX: centreX - halfW,
    minY: centreY - halfH,
    maxX: centreX + halfW,
    maxY: centreY + halfH,
  };
  return {
    widthPx,
    heightPx,
    scale,
    extent: shown,
    toPx: (x, y) => [(x - shown.minX) * scale, (shown.maxY - y) * scale],
  };
}

/** The extent of a set of coordinates grown by a relative margin on each side. */
export function padExtent(extent: Extent, fraction: number): Extent {
  const dx = (extent.maxX - extent.minX) * fraction;
  const dy = (extent.maxY - extent.minY) * fraction;
  return { minX: extent.minX - dx, minY: extent.minY - dy, maxX: extent.maxX + dx, maxY: extent.maxY + dy };
}
