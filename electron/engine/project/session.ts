/**
 * The one project the engine has open at a time, and the events that announce changes to it.
 * Opening or creating a project closes the previous one; neither may happen while jobs are running
 * (an import or analysis writing into the old file would lose its connection half-way).
 */
import { ApiError } from '../../../shared/api/errors.js';
import type { ProjectInfo } from '../../../shared/api/project-api.js';
import { createProject, type OpenProject, openProject } from './open-project.js';

export type ProjectChange = 'opened' | 'closed' | 'changed';

export interface ProjectSessionOptions {
  appVersion: string;
  onChange: (reason: ProjectChange) => void;
  /** True while jobs run; opening, creating and closing wait for them. */
  busy: () => boolean;
}

export class ProjectSession {
  private current: OpenProject | null = null;

  constructor(private readonly options: ProjectSessionOptions) {}

  get(): OpenProject | null {
    return this.current;
  }

  require(): OpenProject {
    if (!this.current)
      throw new ApiError('no-project', 'No project is open. Create or open a project first.');
    return this.current;
  }

  create(path: string, name?: string, crs?: string): ProjectInfo {
    this.checkIdle();
    const project = createProject(path, {
      appVersion: this.options.appVersion,
      ...(name === undefined ? {} : { name }),
      ...(crs === undefined ? {} : { crs }),
    });
    return this.replace(project);
  }

  open(path: string): ProjectInfo {
    this.checkIdle();
    return this.replace(openProject(path));
  }

  close(): void {
    this.checkIdle();
    if (!this.current) return;
    this.current.close();
    this.current = null;
    this.options.onChange('closed');
  }

  /** Closes the project regardless of jobs (engine shutdown, after the jobs were cancelled). */
  shutdown(): void {
    this.current?.close();
    this.current = null;
  }

  private replace(project: OpenProject): ProjectInfo {
    this.current?.close();
    this.current = project;
    this.options.onChange('opened');
    return project.info();
  }

  private checkIdle(): void {
    if (this.options.busy()) {
      throw new ApiError('refused', 'Jobs are still running. Wait for them to finish or cancel them first.');
    }
  }
}
