/**
 * The analyst's intranet tile server as a tile URL template MapLibre can draw (DESIGN.md §3 "Map"):
 * an XYZ template with {z}, {x} and {y}, or a WMS endpoint and layer name turned into a GetMap
 * template in Web Mercator. The server's origin is what the CSP then allows, and nothing else.
 * Pure: no Node, no DOM.
 */
import { tileOrigin } from '../security/csp.js';

export interface TileServer {
  /** Tile URL template for a raster source. */
  tiles: string;
  /** The bare origin the CSP must allow, e.g. 'https://tiles.force.local'. */
  origin: string;
}

function parseHttpUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value.replaceAll('{', '%7B').replaceAll('}', '%7D'));
  } catch {
    throw new RangeError(
      `${what} must be a full web address such as https://tiles.force.local/…; got '${value}'`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RangeError(`${what} must start with http:// or https://; got '${value}'`);
  if (url.username !== '' || url.password !== '')
    throw new RangeError(`${what} must not contain a user name or password`);
  return url;
}

/** An XYZ template such as 'https://tiles.force.local/os/{z}/{x}/{y}.png'. Throws RangeError otherwise. */
export function xyzTileServer(template: string): TileServer {
  const url = parseHttpUrl(template.trim(), 'The tile address');
  for (const part of ['{z}', '{x}', '{y}']) {
    if (!template.includes(part))
      throw new RangeError(
        `The tile address must contain ${part}, e.g. https://tiles.force.local/{z}/{x}/{y}.png`,
      );
  }
  return { tiles: template.trim(), origin: tileOrigin(url.origin) };
}

/**
 * A WMS 1.1.1 GetMap template for 256-pixel PNG tiles in EPSG:3857 from the service address
 * (anything already in its query, e.g. a map= parameter, is kept) and the layer name(s).
 */
export function wmsTileServer(endpoint: string, layers: string): TileServer {
  const url = parseHttpUrl(endpoint.trim(), 'The WMS address');
  if (layers.trim() === '') throw new RangeError('Give the WMS layer name(s) to draw, e.g. "basemap"');
  const keep = [...url.searchParams].filter(
    ([key]) =>
      ![
        'service',
        'request',
        'version',
        'layers',
        'styles',
        'format',
        'transparent',
        'srs',
        'width',
        'height',
        'bbox',
      ].includes(key.toLowerCase()),
  );
  const query = [
    ...keep.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
    'service=WMS',
    'request=GetMap',
    'version=1.1.1',
    `layers=${encodeURIComponent(layers.trim())}`,
    'styles=',
    'format=image/png',
    'transparent=false',
    'srs=EPSG:3857',
    'width=256',
    'height=256',
    'bbox={bbox-epsg-3857}',
  ].join('&');
  return { tiles: `${url.origin}${url.pathname}?${query}`, origin: tileOrigin(url.origin) };
}
