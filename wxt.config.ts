import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { ASSET_PATHS } from './models/asset-paths';
import { GUARDED_MATCHES } from './content-scripts/sites/registry';
import { IMAGE_HOSTS } from './scan/image-hosts';

const require = createRequire(import.meta.url);
const visionWasmDir = join(dirname(require.resolve('@mediapipe/tasks-vision')), 'wasm');
const tfjsWasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
const heifDir = dirname(require.resolve('libheif-js/libheif-wasm/libheif.js'));

const ANY_SITE = ['https://*/*', 'http://*/*'];

// Extension pages reach only the extension's own files (MediaPipe and every other dependency are
// packaged) and the guarded sites' image hosts.
const CSP = `script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self' ${IMAGE_HOSTS.join(' ')}`;

/**
 * Firefox's add-on linter flags every innerHTML assignment. The UI never renders raw HTML, so
 * Preact's one such path (dangerouslySetInnerHTML) is turned into an error at build time.
 */
const noRawHtml = {
  name: 'photo-guard:no-raw-html',
  transform(code: string, id: string) {
    if (!id.includes('/node_modules/preact/dist/preact.mjs')) return null;
    const patched = code.replace('(t.innerHTML=h.__html)', '(()=>{throw Error("dangerouslySetInnerHTML is disabled")})()');
    if (patched === code) throw new Error('preact changed: update the no-raw-html patch in wxt.config.ts');
    return { code: patched, map: null };
  },
};

/**
 * libheif's loader requires Node's fs, path and crypto on its Node path only, never taken in a
 * browser: given an empty module, instead of Vite's stand-in and a warning for each on every build.
 */
const NODE_ONLY = '\0photo-guard:libheif-node-only';
const libheifNodeOnly = {
  name: 'photo-guard:libheif-node-only',
  enforce: 'pre' as const,
  resolveId: (source: string, importer?: string) =>
    importer?.includes('/node_modules/libheif-js/') && ['fs', 'path', 'crypto'].includes(source) ? NODE_ONLY : null,
  load: (id: string) => (id === NODE_ONLY ? 'export default {};' : null),
};

export default defineConfig({
  vite: () => ({ plugins: [noRawHtml, libheifNodeOnly] }),
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the settings; scripting: the guard on sites the user adds, and the popup's scan;
    // activeTab: scanning the page the user is on when they ask, on any site.
    permissions: ['storage', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: [...GUARDED_MATCHES, ...IMAGE_HOSTS.map((host) => `${host}/*`)],
    // Asked for one site at a time, when the user adds it in the options (MV2 lists hosts as permissions).
    ...(manifestVersion === 3 ? { optional_host_permissions: ANY_SITE } : { optional_permissions: ANY_SITE }),
    content_security_policy: manifestVersion === 3 ? { extension_pages: CSP } : CSP,
    // The decision overlay (and in Chrome, the courier that carries photos to the detector) is framed
    // into the pages the guard runs on, which include sites the user adds, so any page may frame
    // it; a per-session URL keeps pages from probing for the extension. (Firefox's extension URLs
    // are per-install already.)
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['overlay.html', 'courier.html'], matches: ['<all_urls>'], use_dynamic_url: true }]
        : ['overlay.html'],
    // Opening the popup from the keyboard grants activeTab, like clicking the toolbar button.
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: { suggested_key: { default: 'Alt+Shift+P' } },
    },
    browser_specific_settings: {
      gecko: {
        id: 'photo-guard@photo-guard.app',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
  hooks: {
    // Only the SIMD wasm builds are shipped: every browser this extension supports runs them, and
    // tasks-vision and TensorFlow.js are pointed at them directly instead of probing for others.
    'build:publicAssets': (_, assets) => {
      assets.push(
        { absoluteSrc: join(visionWasmDir, 'vision_wasm_internal.js'), relativeDest: ASSET_PATHS.wasmLoader },
        { absoluteSrc: join(visionWasmDir, 'vision_wasm_internal.wasm'), relativeDest: ASSET_PATHS.wasmBinary },
        ...[ASSET_PATHS.fullRange, ASSET_PATHS.shortRange].map((path) => ({
          absoluteSrc: resolve('models/generated', basename(path)),
          relativeDest: path,
        })),
        { absoluteSrc: join(tfjsWasmDir, basename(ASSET_PATHS.tfjsWasm)), relativeDest: ASSET_PATHS.tfjsWasm },
        // libheif is LGPL: shipped unmodified as its own file, with its licence.
        { absoluteSrc: join(heifDir, 'libheif.wasm'), relativeDest: ASSET_PATHS.heifWasm },
        { absoluteSrc: join(heifDir, 'LICENSE'), relativeDest: ASSET_PATHS.heifLicense },
        ...[ASSET_PATHS.faceBoxes, ASSET_PATHS.faceBoxesWeights].map((path) => ({
          absoluteSrc: resolve('models/faceboxes', basename(path)),
          relativeDest: path,
        })),
      );
    },
  },
});
