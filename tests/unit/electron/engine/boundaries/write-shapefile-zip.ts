/**
 * Writes a tiny zipped polygon shapefile by hand (ESRI Shapefile Technical Description, 1998;
 * dBase III; ZIP APPNOTE 6.3 with stored entries), so the boundary reader is tested on real bytes.
 */
import { crc32 } from 'node:zlib';

export const BNG_PRJ =
  'PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],' +
  'PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],' +
  'PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]';

export interface ShapeFeature {
  /** One clockwise outer ring, closed. */
  ring: [number, number][];
  props: Record<string, string>;
}

/** Polygons (shape type 5) or, with the same record layout, polylines (3): `ring` is then the line. */
function shp(features: ShapeFeature[], shapeType: 3 | 5): Buffer {
  const records = features.map((f, i) => {
    const n = f.ring.length;
    const content = Buffer.alloc(44 + 4 + 16 * n);
    const xs = f.ring.map((p) => p[0]);
    const ys = f.ring.map((p) => p[1]);
    content.writeInt32LE(shapeType, 0);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, k) => {
      content.writeDoubleLE(v, 4 + 8 * k);
    });
    content.writeInt32LE(1, 36);
    content.writeInt32LE(n, 40);
    content.writeInt32LE(0, 44);
    f.ring.forEach(([x, y], k) => {
      content.writeDoubleLE(x, 48 + 16 * k);
      content.writeDoubleLE(y, 56 + 16 * k);
    });
    const header = Buffer.alloc(8);
    header.writeInt32BE(i + 1, 0);
    header.writeInt32BE(content.length / 2, 4);
    return Buffer.concat([header, content]);
  });
  const body = Buffer.concat(records);
  const head = Buffer.alloc(100);
  head.writeInt32BE(9994, 0);
  head.writeInt32BE((100 + body.length) / 2, 24);
  head.writeInt32LE(1000, 28);
  head.writeInt32LE(shapeType, 32);
  const all = features.flatMap((f) => f.ring);
  [
    Math.min(...all.map((p) => p[0])),
    Math.min(...all.map((p) => p[1])),
    Math.max(...all.map((p) => p[0])),
    Math.max(...all.map((p) => p[1])),
  ].forEach((v, k) => {
    head.writeDoubleLE(v, 36 + 8 * k);
  });
  return Buffer.concat([head, body]);
}

function dbf(features: ShapeFeature[]): Buffer {
  const fields = Object.keys(features[0]!.props);
  const width = 20;
  const head = Buffer.alloc(32);
  head.writeUInt8(3, 0);
  head.writeUInt8(124, 1);
  head.writeUInt8(1, 2);
  head.writeUInt8(1, 3);
  head.writeUInt32LE(features.length, 4);
  head.writeUInt16LE(32 + 32 * fields.length + 1, 8);
  head.writeUInt16LE(1 + width * fields.length, 10);
  const descriptors = fields.map((name) => {
    const d = Buffer.alloc(32);
    d.write(name, 0, 10, 'latin1');
    d.write('C', 11, 'latin1');
    d.writeUInt8(width, 16);
    return d;
  });
  const rows = features.map((f) =>
    Buffer.from(` ${fields.map((k) => f.props[k]!.padEnd(width).slice(0, width)).join('')}`, 'latin1'),
  );
  return Buffer.concat([head, ...descriptors, Buffer.from([0x0d]), ...rows, Buffer.from([0x1a])]);
}

function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export function shapefileZip(
  features: ShapeFeature[],
  prj: string | null = BNG_PRJ,
  shapeType: 3 | 5 = 5,
): Buffer {
  return zip([
    { name: 'areas.shp', data: shp(features, shapeType) },
    { name: 'areas.dbf', data: dbf(features) },
    ...(prj === null ? [] : [{ name: 'areas.prj', data: Buffer.from(prj) }]),
  ]);
}

/** A clockwise square ring (shapefile outer-ring order), closed. */
export function squareRing(minX: number, minY: number, side: number): [number, number][] {
  return [
    [minX, minY],
    [minX, minY + side],
    [minX + side, minY + side],
    [minX + side, minY],
    [minX, minY],
  ];
}
