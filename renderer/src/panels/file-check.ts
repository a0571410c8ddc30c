/**
 * Data tab: "Verify file checksum…": the SHA-256 of a file the analyst chooses, computed by the
 * engine in a worker (Api.hashFile) with progress and Cancel in the status bar. Analysts use it to
 * confirm that an extract is the one a partner sent (partners quote the hash in their sharing
 * agreement paperwork); it is also the shell's own proof that jobs run end to end.
 */
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel } from '../shell/panels.js';

registerPanel({
  id: 'file-check',
  tab: 'data',
  title: 'File checksum',
  order: 90,
  render(el, app) {
    const button = h(
      'button',
      { type: 'button', class: 'btn', 'data-action': 'verify-checksum' },
      'Verify file checksum…',
    );
    const result = h('div', { class: 'checksum-result', 'aria-live': 'polite' });
    el.append(
      h(
        'p',
        { class: 'hint' },
        'Compute the SHA-256 of a file to check it against the one a partner quoted.',
      ),
      button,
      result,
    );
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const file = await app.chooseFile({ title: 'Choose a file to verify' });
        if (file === null) return;
        const outcome = await app.runJob(`SHA-256 of ${file.name}`, (jobId) =>
          app.api.hashFile({ jobId, file }),
        );
        if (outcome.ok) {
          replaceChildren(
            result,
            h(
              'div',
              { class: 'checksum-name' },
              `${file.name} (${outcome.value.bytes.toLocaleString('en-GB')} bytes)`,
            ),
            h('code', { class: 'checksum', 'data-testid': 'sha256' }, outcome.value.sha256),
          );
        }
      } finally {
        button.disabled = false;
      }
    });
  },
});
