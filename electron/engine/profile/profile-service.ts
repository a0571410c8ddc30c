/**
 * Profile orchestration in the engine (issue 6): build a profile (gather → model → HTML), store it
 * with the analyst's texts, and export it as HTML, PDF or PPTX, or its analyses' data as GeoJSON,
 * CSV or an ESRI ASCII grid. The handlers (handlers/profile.ts), the CLI and the demo all call this.
 */
import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors.js';
import type { ExportResult, ProfileDocument } from '../../../shared/api/profile-api.js';
import { buildProfileModel } from '../../../shared/profile/build-model.js';
import {
  chainsCsv,
  chainsGeoJson,
  type ExportProvenance,
  hotspotsCsv,
  hotspotsGeoJson,
  surfaceAsc,
} from '../../../shared/profile/data-exports.js';
import { PROFILE_DEFAULTS } from '../../../shared/profile/defaults.js';
import { renderProfileHtml } from '../../../shared/profile/html/render-html.js';
import type { DateRange, ProfileFront, ProfileInputs, ProfileModel } from '../../../shared/profile/model.js';
import { parseSubject, subjectText } from '../../../shared/profile/subject.js';
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
    const inputs = await gatherProfileInputs(ctx, { subject, period, front, scope, options }, job);
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

  async exportProfile(input: {
    jobId: string;
    profileId: number;
    format: 'html' | 'pdf' | 'pptx';
    marking?: string;
    targetPath?: string;
  }): Promise<ExportResult & { data: Uint8Array }> {
    const doc = await this.get(input.profileId, input.jobId);
    const marking = input.marking ?? doc.model.front.marking;
    const model: ProfileModel = { ...doc.model, front: { ...doc.model.front, marking } };
    let data: Uint8Array;
    if (input.format === 'html') data = new TextEncoder().encode(renderProfileHtml(model));
    else if (input.format === 'pdf')
      data = await this.deps.printPdf(renderProfileHtml(model, { forPdf: true }), { marking });
    else data = await buildSlides(model, marking);
    const fileName = `${slug(model.front.title)}.${input.format}`;
    return this.deliver(data, fileName, MIME[input.format], input.targetPath, {
      profileId: input.profileId,
      format: input.format,
      marking,
    });
  }

  async exportData(input: {
    jobId: string;
    profileId: number;
    kind: 'hotspots' | 'chains' | 'surface';
    format: 'geojson' | 'csv' | 'asc';
    targetPath?: string;
  }): Promise<ExportResult & { data: Uint8Array }> {
    const stored = getStoredProfile(this.deps.ctx.project().db, input.profileId);
    const inputs = await this.inputsOf(stored);
    const provenance = exportProvenance(inputs, input.kind);
    let text: string;
    if (input.kind === 'chains') {
      if (!inputs.chains)
        throw new ApiError(
          'refused',
          `The profile has no near-repeat chains: ${inputs.chainsNote ?? ''}`.trim(),
        );
      text =
        input.format === 'geojson'
          ? chainsGeoJson(inputs.chains, inputs.layers.crs, provenance)
          : chainsCsv(inputs.chains, provenance);
    } else {
      if (!inputs.kde)
        throw new ApiError('refused', `The profile has no density surface: ${inputs.kdeNote ?? ''}`.trim());
      if (input.kind === 'surface') text = surfaceAsc(inputs.kde);
      else
        text =
          input.format === 'geojson'
            ? hotspotsGeoJson(inputs.kde, provenance)
            : hotspotsCsv(inputs.kde, provenance);
    }
    const ext = input.format;
    const result = await this.deliver(
      new TextEncoder().encode(text),
      `${input.kind}.${ext}`,
      MIME[ext],
      input.targetPath,
      {
        profileId: input.profileId,
        kind: input.kind,
        format: ext,
      },
    );
    if (input.kind === 'surface' && input.targetPath) {
      // An ESRI grid has no room for metadata: provenance and the CRS go beside it.
      await writeFileAtomic(
        `${input.targetPath}.provenance.json`,
        `${JSON.stringify({ unit: inputs.kde!.unit, ...provenance }, null, 1)}\n`,
      );
    }
    return result;
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

export function exportProvenance(inputs: ProfileInputs, kind: string): ExportProvenance {
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
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
