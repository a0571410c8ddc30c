/**
 * Whether this renderer was built for the tests (issue 11 item 13): only then do test hooks such as
 * the map object on its container exist. Vite replaces __HOTSPOT_TEST_HOOKS__ at build time
 * (renderer/vite.config.ts, from HOTSPOT_TEST_HOOKS); where nothing replaced it (unit tests) it is off.
 */
declare const __HOTSPOT_TEST_HOOKS__: boolean | undefined;

export const TEST_HOOKS: boolean =
  typeof __HOTSPOT_TEST_HOOKS__ !== 'undefined' && __HOTSPOT_TEST_HOOKS__ === true;
