/**
 * Schema migrations of the project file (.hsw), keyed by `PRAGMA user_version`.
 * Migration N takes a file from version N-1 to N and runs inside one transaction, so a failure
 * leaves the file at N-1. A file whose version is newer than the last migration here was written by
 * a newer app and is refused (see open-project.ts). Never edit a migration once released: add one.
 *
 * Conventions: coordinates in project CRS metres; times in wall-clock epoch ms (shared/model/time.ts);
 * JSON in TEXT columns; timestamps as ISO 8601 UTC strings.
 */
import type Database from 'better-sqlite3';
import { chainUnchainedAudit } from './audit.js';

export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Data the SQL cannot compute (e.g. SHA-256 chains), run after it in the same transaction. */
  after?: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description:
      'initial schema: datasets, imports, records with R*Tree, boundaries, reference lines, analyses, profiles, audit',
    sql: `
      CREATE TABLE project_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE datasets (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        -- 'points' when records have coordinates, 'areas' when only an area code (e.g. outward postcode)
        geometry    TEXT NOT NULL CHECK (geometry IN ('points', 'areas')),
        created_at  TEXT NOT NULL
      );

      CREATE TABLE imports (
        id             INTEGER PRIMARY KEY,
        dataset_id     INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        file_name      TEXT NOT NULL,
        file_size      INTEGER NOT NULL,
        sha256         TEXT NOT NULL,
        mapping_json   TEXT NOT NULL,
        source_crs     TEXT,
        rows_read      INTEGER NOT NULL,
        rows_accepted  INTEGER NOT NULL,
        rows_warned    INTEGER NOT NULL,
        rows_rejected  INTEGER NOT NULL,
        pii_json       TEXT,
        -- Source headers (for the rejected-rows CSV) and the keys of records.attrs_json, in order.
        headers_json   TEXT NOT NULL DEFAULT '[]',
        attr_keys_json TEXT NOT NULL DEFAULT '[]',
        -- The validation summary shown after the import (counts, per-column summaries, first issues).
        summary_json   TEXT NOT NULL DEFAULT '{}',
        started_at     TEXT NOT NULL,
        finished_at    TEXT NOT NULL
      );
      CREATE INDEX imports_sha256 ON imports(sha256);
      CREATE INDEX imports_dataset ON imports(dataset_id);

      -- Rows that were rejected or accepted with a warning, with the reason (nothing dropped silently).
      CREATE TABLE import_issues (
        id          INTEGER PRIMARY KEY,
        import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        row_number  INTEGER NOT NULL,
        column_name TEXT,
        value       TEXT,
        severity    TEXT NOT NULL CHECK (severity IN ('warning', 'rejected')),
        reason      TEXT NOT NULL,
        raw_row     TEXT
      );
      CREATE INDEX import_issues_import ON import_issues(import_id);

      CREATE TABLE records (
        id           INTEGER PRIMARY KEY,
        dataset_id   INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        import_id    INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        x            REAL,
        y            REAL,
        lon          REAL,
        lat          REAL,
        area_code    TEXT,
        from_ms      INTEGER NOT NULL,
        to_ms        INTEGER NOT NULL,
        precision    INTEGER NOT NULL,
        category     TEXT,
        subcategory  TEXT,
        weight       REAL NOT NULL DEFAULT 1,
        location     TEXT,
        reference    TEXT,
        -- JSON array of extra attribute values, aligned with imports.attr_keys_json (keys stored once).
        attrs_json   TEXT,
        -- The records_rtree entry (grid cell of this import) holding the point; NULL for area-only.
        cell_id      INTEGER
      );
      -- Few, append-friendly indexes: an import's rows land at the end of each (dataset, import) range.
      -- Indexes on random keys (time, reference) cost ~4 µs per row each at import and are not
      -- needed: filtering runs on the in-memory columns (electron/engine/query/record-cache.ts).
      -- No index on cell_id either: a point's cell is a random key too (measured 4.6 s of a
      -- million-row import); the query path does not join from cells to records.
      CREATE INDEX records_dataset ON records(dataset_id);
      CREATE INDEX records_import ON records(import_id);

      -- Spatial index: one R*Tree entry per occupied grid cell (500 m) of each import, with the tight
      -- bounding box of its points; records point to their cell. One entry per record cost ~10 µs per
      -- insert (10 s for a million police.uk rows); per cell it is a few thousand inserts per import.
      CREATE VIRTUAL TABLE records_rtree USING rtree(id, min_x, max_x, min_y, max_y, +import_id);
      CREATE TRIGGER imports_rtree_delete AFTER DELETE ON imports
        BEGIN DELETE FROM records_rtree WHERE import_id = old.id; END;

      CREATE TABLE boundary_layers (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        code_field  TEXT NOT NULL,
        name_field  TEXT,
        file_name   TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        source_crs  TEXT NOT NULL DEFAULT 'EPSG:4326',
        created_at  TEXT NOT NULL
      );

      CREATE TABLE boundary_features (
        id          INTEGER PRIMARY KEY,
        layer_id    INTEGER NOT NULL REFERENCES boundary_layers(id) ON DELETE CASCADE,
        code        TEXT NOT NULL,
        name        TEXT,
        -- GeoJSON geometry in project CRS metres
        geometry    TEXT NOT NULL,
        min_x REAL NOT NULL, min_y REAL NOT NULL, max_x REAL NOT NULL, max_y REAL NOT NULL,
        area_m2     REAL NOT NULL
      );
      CREATE INDEX boundary_features_layer_code ON boundary_features(layer_id, code);

      -- Reference lines drawn under printed maps (e.g. streets), imported like boundaries.
      CREATE TABLE reference_layers (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        file_name   TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        source_crs  TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );

      CREATE TABLE reference_lines (
        id          INTEGER PRIMARY KEY,
        layer_id    INTEGER NOT NULL REFERENCES reference_layers(id) ON DELETE CASCADE,
        name        TEXT,
        kind        TEXT,
        -- GeoJSON LineString or MultiLineString coordinates in project CRS metres
        coords_json TEXT NOT NULL,
        min_x REAL NOT NULL, min_y REAL NOT NULL, max_x REAL NOT NULL, max_y REAL NOT NULL
      );
      CREATE INDEX reference_lines_layer ON reference_lines(layer_id);

      CREATE TABLE mapping_presets (
        name          TEXT PRIMARY KEY,
        mapping_json  TEXT NOT NULL,
        created_at    TEXT NOT NULL
      );

      -- Analysis results cached by a hash of their inputs and parameters.
      CREATE TABLE analyses (
        id           INTEGER PRIMARY KEY,
        kind         TEXT NOT NULL,
        input_hash   TEXT NOT NULL UNIQUE,
        params_json  TEXT NOT NULL,
        inputs_json  TEXT NOT NULL,
        result_json  TEXT NOT NULL,
        result_blob  BLOB,
        app_version  TEXT NOT NULL,
        created_at   TEXT NOT NULL
      );

      -- Problem profiles: the subject and period, and the analyst's edited text per section.
      CREATE TABLE profiles (
        id             INTEGER PRIMARY KEY,
        title          TEXT NOT NULL,
        subject_json   TEXT NOT NULL,
        period_json    TEXT NOT NULL,
        sections_json  TEXT NOT NULL,
        front_json     TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      );

      CREATE TABLE jag_actions (
        id           INTEGER PRIMARY KEY,
        profile_id   INTEGER REFERENCES profiles(id) ON DELETE SET NULL,
        strand       TEXT NOT NULL CHECK (strand IN ('prevention', 'intelligence', 'enforcement', 'reassurance')),
        description  TEXT NOT NULL,
        owner        TEXT,
        due_date     TEXT,
        status       TEXT NOT NULL DEFAULT 'open',
        created_at   TEXT NOT NULL
      );

      CREATE TABLE audit_log (
        id           INTEGER PRIMARY KEY,
        at           TEXT NOT NULL,
        action       TEXT NOT NULL,
        detail_json  TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'records: drop the index on dataset_id (records of a dataset are found through its imports)',
    // A second index on every inserted record measured ~1.2 s of a million-row import (4.2 s → 3.0 s
    // of INSERTs); every record's import belongs to its dataset, so `import_id IN (SELECT id FROM
    // imports WHERE dataset_id = ?)` finds a dataset's records through records_import instead. The
    // price: deleting a datasets row makes SQLite scan records for the foreign key (~0.3 s in a
    // project of a million records, 2 ms with the index), a rare act against every import.
    sql: `
      DROP INDEX records_dataset;
    `,
  },
  {
    version: 3,
    description: 'areas drawn or picked on the map; JAG actions with an append-only history',
    // jag_actions (migration 1) was never used and has no target or dates; actions replaces it.
    sql: `
      DROP TABLE jag_actions;

      -- Areas drawn on the map (polygon, rectangle, buffer ring) or copied from a boundary feature.
      CREATE TABLE areas (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('polygon', 'rectangle', 'buffer', 'boundary')),
        -- GeoJSON Polygon or MultiPolygon in project CRS metres
        geometry     TEXT NOT NULL,
        -- How it was made: buffer centre and radii, or the boundary layer and feature code
        source_json  TEXT NOT NULL DEFAULT '{}',
        min_x REAL NOT NULL, min_y REAL NOT NULL, max_x REAL NOT NULL, max_y REAL NOT NULL,
        area_m2      REAL NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );

      -- JAG actions tied to a hotspot (centroid and outline copied from a saved analysis), an area or a series.
      CREATE TABLE actions (
        id           INTEGER PRIMARY KEY,
        title        TEXT NOT NULL,
        type         TEXT NOT NULL CHECK (type IN ('prevention', 'intelligence', 'enforcement', 'reassurance')),
        owner        TEXT NOT NULL DEFAULT '',
        start_date   TEXT,
        end_date     TEXT,
        status       TEXT NOT NULL CHECK (status IN ('planned', 'active', 'completed', 'cancelled')),
        notes        TEXT NOT NULL DEFAULT '',
        target_kind  TEXT NOT NULL CHECK (target_kind IN ('hotspot', 'area', 'series')),
        target_json  TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        deleted_at   TEXT
      );

      -- Every change to an action, as the full row after the change; rows are never updated or deleted.
      CREATE TABLE action_history (
        id             INTEGER PRIMARY KEY,
        action_id      INTEGER NOT NULL REFERENCES actions(id),
        at             TEXT NOT NULL,
        change         TEXT NOT NULL CHECK (change IN ('created', 'updated', 'deleted')),
        snapshot_json  TEXT NOT NULL
      );
      CREATE INDEX action_history_action ON action_history(action_id);
      CREATE TRIGGER action_history_no_update BEFORE UPDATE ON action_history
        BEGIN SELECT RAISE(ABORT, 'action history is append-only'); END;
      CREATE TRIGGER action_history_no_delete BEFORE DELETE ON action_history
        BEGIN SELECT RAISE(ABORT, 'action history is append-only'); END;
    `,
  },
  {
    version: 4,
    description:
      'audit log hash-chained (prev_hash, hash; existing rows chained here); analyses used by saved profiles',
    // The chain (audit.ts): hash = sha256(prev_hash + [id, at, action, detail_json]); SQLite has no
    // SHA-256, so the existing rows are chained by `after`, inside this migration's transaction.
    // profile_analyses: which cached analyses a saved profile was built from, so pruning the
    // cache (analysis-cache.ts) keeps them.
    sql: `
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;

      CREATE TABLE profile_analyses (
        profile_id   INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        analysis_id  INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
        PRIMARY KEY (profile_id, analysis_id)
      ) WITHOUT ROWID;
      CREATE INDEX profile_analyses_analysis ON profile_analyses(analysis_id);
    `,
    after: (db) => {
      chainUnchainedAudit(db);
    },
  },
  {
    version: 5,
    description: 'results analyses recorded against JAG actions',
    // The request (areas, periods, datasets) and the whole result as measured, kept as recorded:
    // the profile's Assessment section reads them, so a later edit of an area cannot change them.
    sql: `
      CREATE TABLE action_results (
        id            INTEGER PRIMARY KEY,
        action_id     INTEGER NOT NULL REFERENCES actions(id),
        created_at    TEXT NOT NULL,
        request_json  TEXT NOT NULL,
        result_json   TEXT NOT NULL
      );
      CREATE INDEX action_results_action ON action_results(action_id);
    `,
  },
  {
    version: 6,
    description: 'records: the per-import R*Tree of 500 m cells and its trigger dropped (no query read them)',
    // Queries filter the in-memory columns (query/record-cache.ts): an area is selected by its box
    // on x/y, then point in polygon. The cells could not find an area's records faster (a record's
    // cell has no index), and writing them cost every import a cell look-up per record. records.cell_id
    // stays (dropping a column rewrites the table): records imported before this migration keep
    // their old cell number, later ones NULL; nothing reads it.
    sql: `
      DROP TRIGGER imports_rtree_delete;
      DROP TABLE records_rtree;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
