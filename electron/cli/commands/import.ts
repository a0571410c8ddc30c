/**
 * `hotspot import`: imports a partner extract into a project with the same pipeline the app runs
 * (electron/engine/import/run-import.ts) and prints the validation summary (DESIGN.md §2, §4b, §5).
 * The mapping comes from --preset, else auto-detection, then --map overrides. The project is created
 * when missing. Exit 1 when the file is refused or nothing could be imported.
 */
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { ImportSummary, TableOptions } from '../../../shared/api/import-api.js';
import { detectMapping } from '../../../shared/import/detect-mapping.js';
import {
  type ColumnMapping,
  DATE_FORMATS,
  type DateFormat,
  TIME_SHAPES,
  type TimeShape,
} from '../../../shared/import/mapping.js';
import type { PiiDecision } from '../../../shared/import/pii-types.js';
import { CANONICAL_FIELDS, type CanonicalField } from '../../../shared/model/records.js';
import { isoDate } from '../../../shared/model/time.js';
import { exportRejectedRows } from '../../engine/import/datasets.js';
import { importJob } from '../../engine/import/import-job.js';
import { mappingFromPreset } from '../../engine/import/mapping-presets.js';
import { previewTable } from '../../engine/import/readers/open-table.js';
import { ImportFileError } from '../../engine/import/readers/table.js';
import { createProject, type OpenProject, openProject } from '../../engine/project/open-project.js';
import { parseCommandArgs } from '../args.js';
import { type CliCommand, type CliIo, CliRefusal, CliUsageError } from '../command.js';
import { createProgressBar } from '../progress.js';
import { APP_VERSION } from '../version.js';

const usage = `Usage: hotspot import FILE --project P.hsw [options]

Imports a CSV, XLSX or GeoJSON extract into a project (created when missing) and prints the
validation summary: rows accepted, accepted with warnings and rejected, with reasons.

Options:
  --project P.hsw          the project file (required; created when it does not exist)
  --dataset NAME           dataset to import into (default: the file's name); new or existing
  --preset NAME            a mapping preset (police-uk, police-crimes, asb, fire, ambulance,
                           hospital-postcode, or one saved in the project); default: detected
  --map FIELD=COLUMN       map a canonical field to a column (repeatable; FIELD= unmaps). Fields:
                           ${CANONICAL_FIELDS.join(', ')}
  --time-shape SHAPE       ${TIME_SHAPES.join(' | ')} (default: from the mapping)
  --crs CODE               CRS of the coordinates: EPSG:27700, EPSG:4326, … or a proj4 string
  --date-format F          ${DATE_FORMATS.join(' | ')} (default dmy: dd/mm/yyyy)
  --sheet NAME             XLSX sheet (default the first)
  --delimiter C            CSV delimiter: , ; tab |  (default detected)
  --encoding E             utf-8 | windows-1252 (default detected)
  --exclude COLUMN         drop a column (e.g. one the PII guard flags); repeatable
  --allow-pii COLUMN=REASON  keep a column the PII guard flags; the reason goes to the audit log
  --allow-duplicate-file   import a file already imported into this dataset
  --dry-run                validate and print the summary without writing anything
  --rejected-csv FILE      also save the rejected rows (original cells + reasons) as CSV
  --json                   print one JSON object instead of text
  --help                   show this help

Exit codes: 0 imported, 1 refused or nothing could be imported, 2 wrong usage.`;

function splitPair(value: string, option: string): [string, string] {
  const at = value.indexOf('=');
  if (at <= 0) throw new CliUsageError(`${option} takes NAME=VALUE, got '${value}'`);
  return [value.slice(0, at).trim(), value.slice(at + 1)];
}

function inferTimeShape(fields: ColumnMapping['fields'], current: TimeShape): TimeShape {
  if (fields.date_from && fields.date_to) return 'window';
  if (fields.date && fields.time) return 'date+time';
  if (current === 'window' || current === 'date+time') return 'datetime';
  return current;
}

function openOrCreate(path: string, io: CliIo): OpenProject {
  if (existsSync(path)) return openProject(path);
  io.err(`hotspot import: creating project ${path}`);
  return createProject(path, { appVersion: APP_VERSION });
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import a partner extract (CSV, XLSX, GeoJSON) into a project',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        project: { type: 'string' },
        dataset: { type: 'string' },
        preset: { type: 'string' },
        map: { type: 'string', multiple: true },
        'time-shape': { type: 'string' },
        crs: { type: 'string' },
        'date-format': { type: 'string' },
        sheet: { type: 'string' },
        delimiter: { type: 'string' },
        encoding: { type: 'string' },
        exclude: { type: 'string', multiple: true },
        'allow-pii': { type: 'string', multiple: true },
        'allow-duplicate-file': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        'rejected-csv': { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    if (positionals.length !== 1) throw new CliUsageError('give exactly one FILE to import');
    if (!values.project) throw new CliUsageError('--project P.hsw is required');
    const filePath = resolve(positionals[0]!);
    if (!existsSync(filePath)) throw new CliRefusal(`no file at ${filePath}`);
    const table = tableOptions(values);
    const dataset = (values.dataset ?? basename(filePath, extname(filePath))).trim();
    if (dataset === '') throw new CliUsageError('--dataset must not be empty');

    const project = openOrCreate(resolve(values.project), io);
    let summary: ImportSummary;
    try {
      const mapping = await resolveMapping(project, filePath, table, values);
      const pii: PiiDecision[] = [
        ...(values.exclude ?? []).map((column): PiiDecision => ({ column, action: 'exclude' })),
        ...(values['allow-pii'] ?? []).map((pair): PiiDecision => {
          const [column, reason] = splitPair(pair, '--allow-pii');
          return { column, action: 'override', reason };
        }),
      ];
      mapping.excluded = [...new Set([...mapping.excluded, ...(values.exclude ?? [])])];
      const bar = createProgressBar(io, 'Importing');
      try {
        summary = await importJob(
          {
            projectPath: project.path,
            projectCrs: project.crs,
            filePath,
            fileName: basename(filePath),
            table,
            dataset,
            mapping,
            pii,
            dryRun: values['dry-run'] ?? false,
            allowDuplicateFile: values['allow-duplicate-file'] ?? false,
          },
          bar.update,
        );
      } finally {
        bar.finish();
      }
      if (values['rejected-csv'] !== undefined && summary.importId !== null && summary.rowsRejected > 0) {
        const rejected = exportRejectedRows(project.db, summary.importId);
        const target = resolve(values['rejected-csv']);
        await writeFile(`${target}.tmp`, rejected.csv);
        await rename(`${target}.tmp`, target);
        io.err(`hotspot import: ${rejected.rows} rejected rows saved to ${target}`);
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw new CliRefusal(error.message);
      throw error;
    } finally {
      project.close();
    }
    io.out(values.json ? JSON.stringify(summary) : formatSummary(summary));
    return summary.rowsAccepted > 0 ? 0 : 1;
  },
};

function tableOptions(values: { sheet?: string; delimiter?: string; encoding?: string }): TableOptions {
  const options: TableOptions = {};
  if (values.sheet !== undefined) options.sheet = values.sheet;
  if (values.delimiter !== undefined) {
    const d = values.delimiter === 'tab' ? '\t' : values.delimiter;
    if (d !== ',' && d !== ';' && d !== '\t' && d !== '|')
      throw new CliUsageError(`--delimiter must be , ; tab or |, got '${d}'`);
    options.delimiter = d;
  }
  if (values.encoding !== undefined) {
    if (values.encoding !== 'utf-8' && values.encoding !== 'windows-1252') {
      throw new CliUsageError(`--encoding must be utf-8 or windows-1252, got '${values.encoding}'`);
    }
    options.encoding = values.encoding;
  }
  return options;
}

async function resolveMapping(
  project: OpenProject,
  filePath: string,
  table: TableOptions,
  values: { preset?: string; map?: string[]; 'time-shape'?: string; crs?: string; 'date-format'?: string },
): Promise<ColumnMapping> {
  const preview = await previewTable(filePath, 200, table);
  let mapping: ColumnMapping;
  if (values.preset !== undefined) {
    const fromPreset = mappingFromPreset(project.db, values.preset, preview.headers);
    if (!fromPreset)
      throw new CliRefusal(`${basename(filePath)} does not have the columns of preset '${values.preset}'`);
    mapping = fromPreset;
  } else {
    mapping = detectMapping(
      preview.headers,
      preview.rows.map((r) => r.cells),
    ).mapping;
  }
  mapping = { ...mapping, fields: { ...mapping.fields }, excluded: [...mapping.excluded] };
  for (const pair of values.map ?? []) {
    const [field, column] = splitPair(`${pair}${pair.includes('=') ? '' : '='}`, '--map');
    if (!(CANONICAL_FIELDS as readonly string[]).includes(field)) {
      throw new CliUsageError(`--map: '${field}' is not a field; fields are ${CANONICAL_FIELDS.join(', ')}`);
    }
    if (column === '') delete mapping.fields[field as CanonicalField];
    else mapping.fields[field as CanonicalField] = column;
  }
  const shape = values['time-shape'];
  if (shape !== undefined) {
    if (!(TIME_SHAPES as readonly string[]).includes(shape))
      throw new CliUsageError(`--time-shape must be one of ${TIME_SHAPES.join(', ')}`);
    mapping.timeShape = shape as TimeShape;
  } else if (values.map?.length) {
    mapping.timeShape = inferTimeShape(mapping.fields, mapping.timeShape);
  }
  if (values.crs !== undefined) mapping.sourceCrs = values.crs;
  const format = values['date-format'];
  if (format !== undefined) {
    if (!(DATE_FORMATS as readonly string[]).includes(format))
      throw new CliUsageError(`--date-format must be one of ${DATE_FORMATS.join(', ')}`);
    mapping.dateFormat = format as DateFormat;
  }
  return mapping;
}

const n = (v: number) => v.toLocaleString('en-GB');

/** The summary as a readable block of text (what an analyst sees in a terminal). */
export function formatSummary(s: ImportSummary, maxIssues = 20): string {
  const lines = [s.message, ''];
  lines.push(`file        ${s.fileName} (${n(s.fileSize)} bytes, sha256 ${s.sha256.slice(0, 16)}…)`);
  lines.push(`dataset     ${s.dataset} (${s.geometry})${s.dryRun ? ' — dry run, nothing written' : ''}`);
  lines.push(
    `rows        read ${n(s.rowsRead)} · accepted ${n(s.rowsAccepted)} (${n(s.rowsWarned)} with warnings) · rejected ${n(s.rowsRejected)}` +
      (s.rowsDuplicate > 0 ? ` (${n(s.rowsDuplicate)} already in the dataset)` : ''),
  );
  if (s.dateRange) {
    const mix = Object.entries(s.precision)
      .filter(([, count]) => count > 0)
      .map(([p, count]) => `${p} ${n(count)}`)
      .join(', ');
    lines.push(
      `dates       ${isoDate(s.dateRange.fromMs)} to ${isoDate(s.dateRange.toMs)} · precision: ${mix}`,
    );
  }
  if (s.pii.excluded.length > 0) lines.push(`excluded    ${s.pii.excluded.join(', ')}`);
  for (const o of s.pii.overridden) lines.push(`PII kept    ${o.column}: ${o.reason}`);
  lines.push('', 'columns');
  const width = Math.min(30, Math.max(...s.columns.map((c) => c.column.length), 6));
  for (const c of s.columns) {
    const use = c.use === 'mapped' ? `→ ${c.field}` : c.use;
    const distinct = `${n(c.distinct)}${c.distinctCapped ? '+' : ''} distinct`;
    const problems = [
      c.rejected > 0 ? `${n(c.rejected)} rejected` : '',
      c.warnings > 0 ? `${n(c.warnings)} warnings` : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `  ${c.column.slice(0, width).padEnd(width)}  ${use.padEnd(14)} ${n(c.nonEmpty).padStart(9)} filled  ${distinct}${problems ? `  ${problems}` : ''}`,
    );
  }
  const issues = s.issueCounts.warning + s.issueCounts.rejected;
  if (issues > 0) {
    lines.push(
      '',
      `issues (${n(s.issueCounts.rejected)} rejected, ${n(s.issueCounts.warning)} warnings; first ${Math.min(maxIssues, s.firstIssues.length)})`,
    );
    for (const i of s.firstIssues.slice(0, maxIssues)) {
      const value = i.value === null ? '' : ` "${i.value.slice(0, 40)}"`;
      lines.push(`  row ${i.rowNumber}${i.column ? ` ${i.column}` : ''}${value}: ${i.severity}: ${i.reason}`);
    }
  }
  return lines.join('\n');
}
