// Checks on what `npm run build` and `wxt zip` produce: what ships, how big, and what Firefox's
// linter says. Run after the build (see the `test` script).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { METADATA_NAME, readMetadata } from '../../models/tflite-model';

const CHROME = '.output/chrome-mv3';
const FIREFOX = '.output/firefox-mv2';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => relative(dir, f));

for (const dir of [CHROME, FIREFOX]) {
  test(`${dir} ships only the wasm that loads, the prepared model, FaceBoxes unchanged and libheif with its licence`, () => {
    const files = filesUnder(dir);
    const wasm = ['libheif/libheif.wasm', 'mediapipe/vision_wasm_internal.wasm', 'tfjs/tfjs-backend-wasm-simd.wasm'];
    assert.deepEqual(files.filter((f) => /\.wasm$/.test(f)).sort(), wasm);
    assert.ok(files.includes('libheif/LICENSE'));
    const model = new Uint8Array(readFileSync(join(dir, 'models/face_detection_full_range.tflite')));
    assert.ok(readMetadata(model, METADATA_NAME), 'model carries TFLITE_METADATA');
    for (const file of ['faceboxes.json', 'faceboxes.bin']) {
      assert.ok(readFileSync(join(dir, 'models', file)).equals(readFileSync(join('models/faceboxes', file))), file);
    }
  });

  test(`${dir} lets extension pages reach only their own files and the guarded sites' image hosts`, () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      content_security_policy: string | { extension_pages: string };
    };
    const csp = manifest.content_security_policy;
    const connect = (typeof csp === 'string' ? csp : csp.extension_pages).match(/connect-src ([^;]*)/)?.[1];
    assert.deepEqual(connect?.split(' ').sort(), ["'self'", 'https://*.cdninstagram.com', 'https://*.fbcdn.net', 'https://pbs.twimg.com']);
  });
}

// Three runtimes (MediaPipe's wasm, TensorFlow.js's, libheif's) and three models make up most of
// it: 6.9 MB when FaceBoxes came in, 7.4 MB with libheif. The bound catches a dependency or an
// unused wasm build slipping in.
test('the Chrome zip is under 8 MB', () => {
  const zip = readdirSync('.output').find((f) => f.endsWith('-chrome.zip'));
  assert.ok(zip, 'run `npx wxt zip` first');
  assert.ok(statSync(join('.output', zip)).size < 8 * 1024 * 1024);
});

test('web-ext lint reports no error and no warning on the Firefox build', () => {
  let output: string;
  try {
    output = execFileSync('npx', ['web-ext', 'lint', '-s', FIREFOX, '--output', 'json'], { encoding: 'utf8' });
  } catch (error) {
    output = (error as { stdout: string }).stdout; // exits non-zero on errors; the JSON says which
  }
  const report = JSON.parse(output.slice(output.indexOf('{'))) as { errors: unknown[]; warnings: unknown[] };
  assert.deepEqual({ errors: report.errors, warnings: report.warnings }, { errors: [], warnings: [] });
});
