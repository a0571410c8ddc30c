/** The app's version, from package.json (bundled into dist/cli.js by esbuild). */
import packageJson from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = packageJson.version;
