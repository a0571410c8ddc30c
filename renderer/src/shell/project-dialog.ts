/**
 * New / Open project: a modal dialog asking for the project file's path on this computer (the
 * engine runs here too, in Electron's main process or behind `hotspot serve`). The engine creates
 * or opens the file; its refusal (a newer schema, not a project file) is shown in the dialog.
 */
import type { Api } from '../../../shared/api/api.js';
import type { ProjectInfo } from '../../../shared/api/project-api.js';
import { h, replaceChildren } from './dom.js';
import { plainMessage } from './user-text.js';

export type ProjectAction = 'create' | 'open';

export function openProjectDialog(api: Api, action: ProjectAction): Promise<ProjectInfo | null> {
  return new Promise((resolve) => {
    const titleId = `project-dialog-title-${action}`;
    const pathInput = h('input', {
      type: 'text',
      name: 'path',
      required: true,
      spellcheck: 'false',
      autocomplete: 'off',
      placeholder: action === 'create' ? '/home/analyst/Projects/southside-asb.hsw' : '/path/to/project.hsw',
    });
    const nameInput = h('input', {
      type: 'text',
      name: 'name',
      autocomplete: 'off',
      placeholder: 'Southside ASB 2026',
    });
    const error = h('p', { class: 'dialog-error', role: 'alert' });
    const submit = h(
      'button',
      { type: 'submit', class: 'btn btn-primary' },
      action === 'create' ? 'Create' : 'Open',
    );
    const cancel = h('button', { type: 'button', class: 'btn' }, 'Cancel');
    const form = h(
      'form',
      { class: 'dialog-form' },
      h('h2', { id: titleId }, action === 'create' ? 'New project' : 'Open project'),
      h('label', {}, 'Project file (.hsw) on this computer', pathInput),
      action === 'create' ? h('label', {}, 'Name (optional)', nameInput) : null,
      error,
      h('div', { class: 'dialog-buttons' }, cancel, submit),
    );
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId }, form);

    const close = (result: ProjectInfo | null) => {
      dialog.close();
      dialog.remove();
      resolve(result);
    };
    cancel.addEventListener('click', () => close(null));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(null);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const path = pathInput.value.trim();
      const name = nameInput.value.trim();
      submit.disabled = true;
      replaceChildren(error);
      const call =
        action === 'create'
          ? api.createProject(name === '' ? { path } : { path, name })
          : api.openProject({ path });
      call.then(close, (failure: unknown) => {
        submit.disabled = false;
        replaceChildren(error, plainMessage(failure instanceof Error ? failure.message : String(failure)));
      });
    });

    document.body.append(dialog);
    dialog.showModal();
    pathInput.focus();
  });
}
