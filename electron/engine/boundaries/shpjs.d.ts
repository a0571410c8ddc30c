// The parts of shpjs 6 (untyped) that read-boundary-file.ts uses.
declare module 'shpjs' {
  /** Shapefile geometries as GeoJSON geometries; reprojected to WGS84 only when `prj` is given. */
  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array, prj?: string): unknown[];
  /** dBase records as property objects; `cpg` names the encoding. */
  export function parseDbf(dbf: DataView | ArrayBuffer | Uint8Array, cpg?: string): Record<string, unknown>[];
}
