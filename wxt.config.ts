import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { ASSET_PATHS } from './background/detector-assets';
import { GUARDED_MATCHES } from './content-scripts/sites/registry';

const require = createRequire(import.meta.url);
const visionWasmDir = join(dirname(require.resolve('@mediapipe/tasks-vision')), 'wasm');

// No extension page may reach the network: MediaPipe and every other dependency only load
// files packaged with the extension.
const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self'";

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

export default defineConfig({
  vite: () => ({ plugins: [noRawHtml] }),
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: browser === 'firefox' ? [] : ['offscreen'],
    content_security_policy: manifestVersion === 3 ? { extension_pages: CSP } : CSP,
    // The decision overlay is framed into the guarded sites' pages (and, in Firefox, the page-world
    // bridge is injected there); nothing else is exposed.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['overlay.html'], matches: GUARDED_MATCHES }]
        : ['overlay.html', 'page-bridge.js'],
    browser_specific_settings: {
      gecko: {
        id: 'photo-guard@photo-guard.app',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
  hooks: {
    // Only the SIMD wasm build is shipped: every browser this extension supports runs it, and
    // tasks-vision is pointed at it directly instead of probing for the other builds.
    'build:publicAssets': (_, assets) => {
      assets.push(
        { absoluteSrc: join(visionWasmDir, 'vision_wasm_internal.js'), relativeDest: ASSET_PATHS.wasmLoader },
        { absoluteSrc: join(visionWasmDir, 'vision_wasm_internal.wasm'), relativeDest: ASSET_PATHS.wasmBinary },
        ...[ASSET_PATHS.fullRange, ASSET_PATHS.shortRange].map((path) => ({
          absoluteSrc: resolve('models/generated', basename(path)),
          relativeDest: path,
        })),
      );
    },
  },
});
