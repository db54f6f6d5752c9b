import { writeFileSync } from 'node:fs';
import { openBenchPage, WIDER_DIR } from './bench-page';
import { widerDev, fixturePhotos } from './datasets';
const [minScore, gridsS, inputSide, overlap, flip, model] = process.argv.slice(2);
const { page, close } = await openBenchPage();
await page.evaluate(([m, mo]) => (globalThis as any).explore.init(m, mo), [Number(minScore), model ?? 'face_detection_full_range.tflite'] as const);
const imgs = [...fixturePhotos(), ...widerDev(WIDER_DIR)!];
const res: any[] = [];
const t0 = Date.now();
for (const im of imgs) {
  const r = await page.evaluate(([u, g, s, o, f]) => (globalThis as any).explore.run(u, g, s, o, f), [im.url, JSON.parse(gridsS!), Number(inputSide), Number(overlap ?? 0.25), flip === '1'] as const);
  res.push({ url: im.url, truth: im.truth, ...r });
}
console.log('ms', Date.now() - t0);
writeFileSync(process.env.OUT ?? '/tmp/explore.json', JSON.stringify(res));
await close();
