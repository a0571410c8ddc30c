/**
 * Renderer entry: picks the transport (Electron preload or the web host), then starts the shell
 * with every registered feature. A start-up failure replaces the page with a plain explanation.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import './shell/shell.css';
import './features.js';
import { selectTransport } from './api/select-transport.js';
import { startApp } from './shell/app.js';
import { h, replaceChildren } from './shell/dom.js';

const root = document.getElementById('app')!;
try {
  await startApp(root, selectTransport());
} catch (error) {
  replaceChildren(
    root,
    h(
      'div',
      { class: 'fatal', role: 'alert' },
      h('h1', {}, 'Hotspot Workbench could not start'),
      h('p', {}, error instanceof Error ? error.message : String(error)),
    ),
  );
}
