/** The MBTiles reader lives in the engine (both hosts serve basemaps); re-exported for the app protocol. */
export { tileContentType } from '../engine/basemap/mbtiles.js';
