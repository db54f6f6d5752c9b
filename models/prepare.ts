// Writes the face models MediaPipe Tasks can load into models/generated/. Runs on npm install and
// before every build: the weights come from the @mediapipe/face_detection npm package, never from
// a download at run time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL_FILES, prepareFaceModel } from './face-model';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'generated');
const packageDir = dirname(createRequire(import.meta.url).resolve('@mediapipe/face_detection/package.json'));

mkdirSync(outDir, { recursive: true });
for (const file of Object.values(MODEL_FILES)) {
  const prepared = prepareFaceModel(readFileSync(join(packageDir, file)), file);
  writeFileSync(join(outDir, file), prepared);
  console.log(`models: ${file} prepared (${prepared.length} bytes)`);
}
