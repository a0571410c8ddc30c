/**
 * Every feature of the renderer, imported once for its registrations (side-panel sections, map
 * layers). Add one line per feature; order within a tab comes from each panel's `order`.
 */
import './panels/project-info.js';
import './panels/file-check.js';
import './panels/data-panel.js';
import './panels/boundaries-panel.js';
import './panels/basemap-panel.js';
import './panels/filter-panel.js';
import './panels/records-panel.js';
import './panels/kde-panel.js';
import './panels/near-repeat-panel.js';
import './panels/areas-panel.js';
import './panels/gistar-panel.js';
import './panels/emerging-panel.js';
import './panels/tactical-panel.js';
import './panels/actions-panel.js';
import './panels/results-panel.js';
import './panels/profile-panel.js';
