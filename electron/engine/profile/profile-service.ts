/**
 * Profile orchestration in the engine (issue 6): build a profile (gather → model → HTML), store it
 * with the analyst's texts, and export it as HTML, PDF or PPTX, or its analyses' data as GeoJSON,
 * CSV or an ESRI ASCII grid. The handlers (handlers/profile.ts), the CLI and the demo all call this.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { prjFor, prjPathFor } from '../../../shared/analysis/grid-io/prj.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { ExportResult, ProfileDocument } from '../../../shared/api/profile-api.js';
import { resolveCrs } from '../../../shared/crs/transform.js';
import { buildProfileModel } from '../../../shared/profile/build-model.js';
import {
  chainMembersGeoJson,
  chainsCsv,
  DATA_DICTIONARY_FILE,
  dataDictionaryText,
  type ExportProvenance,
  hotspotsCsv,
  hotspotsGeoJson,
  riskZonesGeoJson,
  sidecarName,
  sidecarText,
  surfaceAbout,
  surfaceAsc,
  withCaveats,
  withExportCsp,
} from '../../../shared/profile/data-exports.js';
import { PROFILE_DEFAULTS } from '../../../shared/profile/defaults.js';
import { renderProfileHtml } from '../../../shared/profile/html/render-html.js';
import type { DateRange, ProfileFront, ProfileInputs, ProfileModel } from '../../../shared/profile/model.js';
import { parseSubject, subjectText } from '../../../shared/profile/subject.js';
import { checkpoint } from '../analysis/analysis-job.js';
import { noteProfileAnalyses, recordingAnalysisUses } from '../analysis-cache.js';
import type { EngineContext } from '../context.js';
import { writeFileAtomic } from '../export/atomic-write.js';
import { gatherProfileInputs, type ProfileJob } from './gather.js';
import {
  getStoredProfile,
  type ProfileOptions,
  type ProfileScope,
  type StoredProfile,
  saveProfile,
} from './profile-store.js';
import { buildSlides } from './slides.js';

export type PdfPrinter = (html: string, options: { marking: string }) => Promise<Uint8Array>;

export interface BuildRequest {
  jobId: string;
  profileId?: number;
  subject?: string;
  period?: DateRange;
  front?: Partial<ProfileFront>;
  scope?: ProfileScope;
  options?: ProfileOptions;
}

export interface ProfileServiceDeps {
  ctx: EngineContext;
  printPdf: PdfPrinter;
}

/** A job for work nobody can cancel (reading a stored profile back after a restart). */
function untracked(): ProfileJob {
  return { step: () => {}, signal: new AbortController().signal };
}

const MIME = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  geojson: 'application/geo+json',
  csv: 'text/csv; charset=utf-8',
  asc: 'text/plain; charset=utf-8',
  prj: 'text/plain; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
} as const;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A file-name-safe slug of a title: "Problem profile: Hotspot 1" → "problem-profile-hotspot-1". */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'profile'
  );
}

export class ProfileService {
  /** Inputs of the last build per profile, so exports need no second gathering. */
  private readonly gathered = new Map<number, { inputs: ProfileInputs; updatedAt: string }>();

  constructor(private readonly deps: ProfileServiceDeps) {}

  /** Builds under the caller's job: its signal reaches every analysis of the profile. */
  async build(request: BuildRequest, job: ProfileJob = untracked()): Promise<ProfileDocument> {
    const { ctx } = this.deps;
    const db = ctx.project().db;
    const stored = request.profileId === undefined ? null : getStoredProfile(db, request.profileId);
    const subjectSource = request.subject ?? stored?.subject;
    const period = request.period ?? stored?.period;
    if (subjectSource === undefined || period === undefined) {
      throw new ApiError(
        'invalid-argument',
        'give subject and period, or the profileId of a profile to rebuild',
      );
    }
    let subject: ReturnType<typeof parseSubject>;
    try {
      subject = parseSubject(subjectSource);
    } catch (error) {
      throw new ApiError('invalid-argument', (error as Error).message);
    }
    const front: ProfileFront = {
      title: '',
      reference: '',
      author: '',
      date: today(),
      version: PROFILE_DEFAULTS.version,
      marking: PROFILE_DEFAULTS.markings,
      ...stored?.front,
      ...definedOnly(request.front ?? {}),
    };
    const scope = request.scope ?? stored?.scope ?? {};
    const options = request.options ?? stored?.options ?? {};
    const { value: inputs, analysisIds } = await recordingAnalysisUses(() =>
      gatherProfileInputs(ctx, { subject, period, front, scope, options }, job),
    );
    if (front.title === '') front.title = `Problem profile: ${inputs.subjectLabel}`;
    inputs.front = front;
    const saved = saveProfile(db, {
      ...(stored ? { id: stored.id } : {}),
      subject: subjectText(subject),
      scope,
      options,
      period,
      front,
    });
    noteProfileAnalyses(db, saved.id, analysisIds);
    this.gathered.set(saved.id, { inputs, updatedAt: saved.updatedAt });
    ctx.notifyProjectChanged();
    return this.document(saved, inputs);
  }

  /** The profile's document from its last gathered inputs (rebuilt once per engine session). */
  async get(profileId: number, _jobId?: string): Promise<ProfileDocument> {
    const stored = getStoredProfile(this.deps.ctx.project().db, profileId);
    return this.document(stored, await this.inputsOf(stored));
  }

  private async inputsOf(stored: StoredProfile): Promise<ProfileInputs> {
    const hit = this.gathered.get(stored.id);
    if (hit) {
      hit.inputs.front = stored.front;
      return hit.inputs;
    }
    const inputs = await gatherProfileInputs(
      this.deps.ctx,
      {
        subject: parseSubject(stored.subject),
        period: stored.period,
        front: stored.front,
        scope: stored.scope,
        options: stored.options,
      },
      untracked(),
    );
    this.gathered.set(stored.id, { inputs, updatedAt: stored.updatedAt });
    return inputs;
  }

  document(stored: StoredProfile, inputs: ProfileInputs): ProfileDocument {
    const model = buildProfileModel({ ...inputs, front: stored.front }, stored.texts);
    return { id: stored.id, model, html: renderProfileHtml(model), updatedAt: stored.updatedAt };
  }

  async model(profileId: number, jobId: string): Promise<ProfileModel> {
    return (await this.get(profileId, jobId)).model;
  }

  async exportProfile(
    input: {
      jobId: string;
      profileId: number;
      format: 'html' | 'pdf' | 'pptx';
      marking?: string;
      targetPath?: string;
    },
    job: ProfileJob = untracked(),
  ): Promise<ExportResult & { data: Uint8Array }> {
    job.step(1, 'Reading the profile');
    await checkpoint(job.signal);
    const doc = await this.get(input.profileId, input.jobId);
    job.step(2, `Making the ${input.format.toUpperCase()}`);
    await checkpoint(job.signal);
    const marking = input.marking ?? doc.model.front.marking;
    const model: ProfileModel = { ...doc.model, front: { ...doc.model.front, marking } };
    let data: Uint8Array;
    if (input.format === 'html') data = new TextEncoder().encode(withExportCsp(renderProfileHtml(model)));
    else if (input.format === 'pdf')
      data = await this.deps.printPdf(renderProfileHtml(model, { forPdf: true }), { marking });
    else data = await buildSlides(model, marking, () => checkpoint(job.signal));
    job.step(4, 'Writing the file');
    await checkpoint(job.signal);
    const fileName = `${slug(model.front.title)}.${input.format}`;
    return this.deliver(data, fileName, MIME[input.format], input.targetPath, {
      profileId: input.profileId,
      format: input.format,
      marking,
    });
  }

  /**
   * One data file of the profile's analyses, with its companions (issue 12): a CSV or grid gets its
   * "<file>.provenance.txt" sidecar (metadata and protective marking), a grid its ".prj", and every
   * export data-dictionary.txt; written beside the target, or returned as base64 without one.
   */
  async exportData(
    input: {
      jobId: string;
      profileId: number;
      kind: 'hotspots' | 'chains' | 'risk-zones' | 'surface';
      format: 'geojson' | 'csv' | 'asc';
      targetPath?: string;
    },
    job: ProfileJob = untracked(),
  ): Promise<ExportResult & { data: Uint8Array }> {
    job.step(1, 'Reading the profile');
    await checkpoint(job.signal);
    const stored = getStoredProfile(this.deps.ctx.project().db, input.profileId);
    const inputs = await this.inputsOf(stored);
    job.step(2, `Making the ${input.format.toUpperCase()}`);
    await checkpoint(job.signal);
    const provenance = exportProvenance(inputs, input.kind, stored.front.marking);
    const ext = input.format;
    const fileName = input.targetPath ? basename(input.targetPath) : `${input.kind}.${ext}`;
    const crs = inputs.layers.crs;
    const companions: { fileName: string; text: string; mimeType: string }[] = [];
    const warnings: string[] = [];
    let text: string;
    if (input.kind === 'chains' || input.kind === 'risk-zones') {
      const chains = inputs.chains;
      if (!chains)
        throw new ApiError(
          'refused',
          `The profile has no near-repeat chains: ${inputs.chainsNote ?? ''}`.trim(),
        );
      const chainProvenance = withCaveats(provenance, chains.provenance.caveats);
      if (input.kind === 'risk-zones') text = riskZonesGeoJson(chains, crs, provenance);
      else if (ext === 'geojson') text = chainMembersGeoJson(chains, inputs.chainEvents, crs, provenance);
      else {
        text = chainsCsv(chains, crs);
        companions.push(
          sidecar(
            fileName,
            [`Near-repeat chains: ${chains.linkRule}.`, coordinatesLine(crs)],
            chainProvenance,
          ),
        );
      }
    } else {
      const kde = inputs.kde;
      if (!kde)
        throw new ApiError('refused', `The profile has no density surface: ${inputs.kdeNote ?? ''}`.trim());
      const kdeProvenance = withCaveats(provenance, kde.provenance.caveats);
      if (input.kind === 'surface') {
        text = surfaceAsc(kde);
        const prj = prjFor(kde.provenance.crs);
        const prjNote =
          'text' in prj
            ? `CRS: ${kde.provenance.crs}, also in ${basename(prjPathFor(fileName))} beside the grid (ESRI WKT).`
            : `CRS: ${kde.provenance.crs} (${resolveCrs(kde.provenance.crs).proj4}). ${prj.reason}`;
        if ('text' in prj)
          companions.push({ fileName: basename(prjPathFor(fileName)), text: prj.text, mimeType: MIME.prj });
        else warnings.push(prj.reason);
        companions.push(sidecar(fileName, surfaceAbout(kde, prjNote), kdeProvenance));
      } else if (ext === 'geojson') text = hotspotsGeoJson(kde, provenance);
      else {
        text = hotspotsCsv(kde);
        companions.push(
          sidecar(fileName, [`Hotspots: ${kde.support.statement}`, coordinatesLine(crs)], kdeProvenance),
        );
      }
    }
    companions.push({
      fileName: DATA_DICTIONARY_FILE,
      text: dataDictionaryText(stored.front.marking),
      mimeType: MIME.txt,
    });
    job.step(4, 'Writing the files');
    await checkpoint(job.signal);
    // Every companion's place is checked before anything is written: a refusal leaves no files.
    const { targetPath } = input;
    const paths = companions.map((c) =>
      targetPath ? this.deps.ctx.files.companionPath(targetPath, c.fileName) : undefined,
    );
    const written = await Promise.all(
      companions.map(async (c, i) => {
        const data = new TextEncoder().encode(c.text);
        const path = paths[i];
        if (path) await writeFileAtomic(path, data);
        return {
          fileName: c.fileName,
          bytes: data.byteLength,
          mimeType: c.mimeType,
          ...(path ? { path } : { base64: Buffer.from(data).toString('base64') }),
        };
      }),
    );
    const result = await this.deliver(new TextEncoder().encode(text), fileName, MIME[ext], input.targetPath, {
      profileId: input.profileId,
      kind: input.kind,
      format: ext,
      marking: stored.front.marking,
      companions: written.map((c) => c.fileName),
    });
    return { ...result, warnings: [...result.warnings, ...warnings], companions: written };
  }

  private async deliver(
    data: Uint8Array,
    fileName: string,
    mimeType: string,
    targetPath: string | undefined,
    audit: Record<string, unknown>,
  ): Promise<ExportResult & { data: Uint8Array }> {
    const sha256 = createHash('sha256').update(data).digest('hex');
    if (targetPath) await writeFileAtomic(targetPath, data);
    this.deps.ctx.audit('export', {
      ...audit,
      fileName,
      bytes: data.byteLength,
      sha256,
      ...(targetPath ? { path: targetPath } : {}),
    });
    return {
      fileName,
      bytes: data.byteLength,
      mimeType,
      warnings: [],
      data,
      ...(targetPath ? { path: targetPath } : { base64: Buffer.from(data).toString('base64') }),
    };
  }
}

export function exportProvenance(inputs: ProfileInputs, kind: string, marking: string): ExportProvenance {
  const seed = kind === 'chains' ? null : (inputs.knox?.seed ?? null);
  return {
    datasets: inputs.datasets.map((d) => ({
      name: d.name,
      files: d.imports.map((i) => ({ fileName: i.fileName, sha256: i.sha256 })),
    })),
    filter: inputs.filterText,
    crs: inputs.layers.crs,
    parameters: Object.fromEntries(inputs.parameters.map((p) => [`${p.method}: ${p.name}`, p.value])),
    seed,
    appVersion: inputs.appVersion,
    createdAt: new Date().toISOString(),
    caveats: inputs.caveats,
    marking,
  };
}

function sidecar(
  fileName: string,
  about: string[],
  provenance: ExportProvenance,
): { fileName: string; text: string; mimeType: string } {
  return {
    fileName: sidecarName(fileName),
    text: sidecarText(fileName, about, provenance),
    mimeType: MIME.txt,
  };
}

function coordinatesLine(crs: string): string {
  return `Coordinates: x_project, y_project and wkt are in ${crs} (metres).`;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
