/**
 * The .prj texts read back by a small WKT parser written here, and, when GDAL is installed, by
 * gdalsrsinfo, which must identify each as its own EPSG code (skipped cleanly without GDAL: CI may
 * not have it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESRI_WKT_CODES, esriWkt } from '../../../../shared/crs/wkt.js';

interface Node {
  keyword: string;
  args: (string | number | Node)[];
}

/** WKT 1: KEYWORD[arg, arg, …], args quoted strings, numbers or nested nodes. */
function parseWkt(text: string): Node {
  let i = 0;
  const node = (): Node => {
    const keyword = /^[A-Z_]+/.exec(text.slice(i))![0];
    i += keyword.length;
    expect(text[i]).toBe('[');
    i++;
    const args: Node['args'] = [];
    while (text[i] !== ']') {
      if (text[i] === '"') {
        const end = text.indexOf('"', i + 1);
        args.push(text.slice(i + 1, end));
        i = end + 1;
      } else if (/[-\d.]/.test(text[i]!)) {
        const n = /^[-\d.eE+]+/.exec(text.slice(i))![0];
        args.push(Number(n));
        i += n.length;
      } else args.push(node());
      if (text[i] === ',') i++;
    }
    i++;
    return { keyword, args };
  };
  const root = node();
  expect(i).toBe(text.length);
  return root;
}

const child = (n: Node, keyword: string) =>
  n.args.find((a): a is Node => typeof a === 'object' && a.keyword === keyword);
const parameter = (n: Node, name: string) =>
  n.args.find((a): a is Node => typeof a === 'object' && a.keyword === 'PARAMETER' && a.args[0] === name)
    ?.args[1];

function hasGdal(): boolean {
  try {
    execFileSync('gdalsrsinfo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('esriWkt', () => {
  it('writes British National Grid on OSGB 1936 (Airy 1830) with the OS projection constants', () => {
    const root = parseWkt(esriWkt('EPSG:27700')!);
    expect(root.keyword).toBe('PROJCS');
    expect(root.args[0]).toBe('British_National_Grid');
    const geog = child(root, 'GEOGCS')!;
    expect(geog.args[0]).toBe('GCS_OSGB_1936');
    const spheroid = child(child(geog, 'DATUM')!, 'SPHEROID')!;
    expect(spheroid.args).toEqual(['Airy_1830', 6377563.396, 299.3249646]);
    expect(child(root, 'PROJECTION')!.args[0]).toBe('Transverse_Mercator');
    expect(parameter(root, 'False_Easting')).toBe(400000);
    expect(parameter(root, 'False_Northing')).toBe(-100000);
    expect(parameter(root, 'Central_Meridian')).toBe(-2);
    expect(parameter(root, 'Scale_Factor')).toBe(0.9996012717);
    expect(parameter(root, 'Latitude_Of_Origin')).toBe(49);
    expect(child(root, 'UNIT')!.args).toEqual(['Meter', 1]);
  });

  it('accepts any spelling of the code and has none for a proj4 string or an unlisted code', () => {
    expect(esriWkt('epsg: 27700')).toBe(esriWkt('EPSG:27700'));
    expect(esriWkt('27700')).toBe(esriWkt('EPSG:27700'));
    expect(
      esriWkt('+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996 +x_0=400000 +y_0=-100000 +ellps=airy'),
    ).toBeNull();
    expect(esriWkt('EPSG:2100')).toBeNull();
    expect(esriWkt('EPSG:4326')).toBeNull();
  });

  it('puts UTM zone 30N on its central meridian, 3° W', () => {
    expect(parameter(parseWkt(esriWkt('EPSG:32630')!), 'Central_Meridian')).toBe(-3);
    expect(parameter(parseWkt(esriWkt('EPSG:25830')!), 'Central_Meridian')).toBe(-3);
  });

  it.skipIf(!hasGdal())('is identified by GDAL’s gdalsrsinfo as its own EPSG code, for every code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hsw-wkt-'));
    try {
      for (const code of ESRI_WKT_CODES) {
        const path = join(dir, `${code.replace(':', '-')}.prj`);
        writeFileSync(path, esriWkt(code)!);
        const out = execFileSync('gdalsrsinfo', ['-e', path], { encoding: 'utf8' });
        expect(out.trim().split('\n')[0], code).toBe(code);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
