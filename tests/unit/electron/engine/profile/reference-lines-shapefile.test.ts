import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  importReferenceLines,
  referenceLinesIn,
} from '../../../../../electron/engine/profile/reference-lines.js';
import { shapefileZip } from '../boundaries/write-shapefile-zip.js';
import { type TempProject, tempProject } from '../import/helpers.js';

let t: TempProject;
beforeEach(() => {
  t = tempProject();
});
afterEach(() => t.cleanup());

describe('reference lines from a zipped shapefile', () => {
  it('reads the polylines with their names and the .prj’s CRS (BNG here, stored unchanged)', async () => {
    const zip = shapefileZip(
      [
        {
          ring: [
            [451000, 206000],
            [451500, 206200],
            [452000, 206100],
          ],
          props: { name: 'Cromwell Street', kind: 'main' },
        },
        {
          ring: [
            [451200, 205000],
            [451200, 205800],
          ],
          props: { name: 'Mill Lane', kind: 'residential' },
        },
      ],
      undefined,
      3,
    );
    const layer = await importReferenceLines(t.project.db, {
      filePath: t.file('streets.zip', zip),
      name: 'Streets',
      projectCrs: 'EPSG:27700',
    });
    expect(layer.skipped).toBe(0);
    const lines = referenceLinesIn(t.project.db).sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
    expect(lines).toEqual([
      {
        coords: [
          [451000, 206000],
          [451500, 206200],
          [452000, 206100],
        ],
        name: 'Cromwell Street',
        major: true,
      },
      {
        coords: [
          [451200, 205000],
          [451200, 205800],
        ],
        name: 'Mill Lane',
        major: false,
      },
    ]);
  });

  it('refuses a shapefile of polygons only: no line features', async () => {
    const zip = shapefileZip([
      {
        ring: [
          [0, 0],
          [0, 10],
          [10, 10],
          [10, 0],
          [0, 0],
        ].map(([x, y]) => [451000 + x!, 206000 + y!] as [number, number]),
        props: { name: 'Square' },
      },
    ]);
    await expect(
      importReferenceLines(t.project.db, {
        filePath: t.file('areas.zip', zip),
        name: 'Areas',
        projectCrs: 'EPSG:27700',
      }),
    ).rejects.toMatchObject({ code: 'refused', message: /has no line features/ });
  });
});
