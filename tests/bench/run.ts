// `npm run bench`: speed and accuracy of the face analysis, printed as tables. Figures, not tests.
import type { Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { benchApi, openBenchPage, WIDER_DIR } from './bench-page';
import { annotatedPhotos } from '../support/annotations';
import { type BenchImage, fixturePhotos, rect, widerDev } from './datasets';
import { COLD_RUNS, measureExtension } from './extension-timings';
import { addScores, precision, recall, scoreImage } from './score';
import { ms, pct, percentile, printTable, timesRow } from './stats';
import { turnedPhotos } from './turned';
import { dimmedPhotos } from './dimmed';
import { MAX_CHECKED_FRAMES } from '../../models/analysis-options';
import type { Rect } from '../../models/boxes';
import { ALTERNATIVES, CHOSEN, NAIVE, ONE_WORKER, SENSITIVITY_LEVELS, type Variant } from './variants';

/** The naive single pass as tutorials write it, timed beside the variants (not a pipeline option). */
const TUTORIAL = 'naive, as a tutorial writes it: main thread, decoded bitmap';

const SAMPLES = [1, 2, 3, 4, 5, 6].map((i) => `/photos/sample${i}.jpg`);
const SIZES = [
  { label: '2 MP', longSide: 1732 },
  { label: '12 MP', longSide: 4243 },
];


/** The first photo in a new browser, analysed on the bench page: workers started, wasm compiled, models loaded, then the photo. */
async function coldInPage(): Promise<number> {
  const { page, close } = await openBenchPage();
  try {
    const b = benchApi(page);
    await b.load('cold', SAMPLES[0]!);
    return (await b.coldStart(CHOSEN.options, 'cold')).ms;
  } finally {
    await close();
  }
}

async function coldStart(): Promise<void> {
  const inPage: number[] = [];
  for (let run = 0; run < COLD_RUNS; run++) inPage.push(await coldInPage());
  const extension = await measureExtension();
  printTable('Through the extension (new browser, X fixture)', [
    timesRow('cold start: bench page, analyser created + first photo (sample1.jpg)', inPage),
    timesRow('cold start, no-face-landscape.jpg picked as the page opens: picked -> analysis back in the content script', extension.coldStart),
    timesRow('cold start, sample4.jpg (4 faces, a location) picked as the page opens: picked -> analysis back', extension.coldFaces),
    timesRow('cold start, no-face-landscape.jpg picked 3 s after the composer showed: picked -> analysis back', extension.coldAfterComposer),
    ...Object.entries(extension.passThrough).map(([name, times]) => timesRow(`nothing to report, ${name}: picked -> received by the site`, times)),
    ...Object.entries(extension.unguarded).map(([name, times]) => timesRow(`the same, ${name}, on a page the guard is not on`, times)),
    timesRow('nothing to report, the cat and the coffee picked again in the same tab (remembered)', extension.remembered),
    { what: '5 photos, the first with faces and location: picked -> overlay shown, location listed', time: ms(extension.selection.windowShown) },
    { what: '5 photos, the first with faces and location: picked -> its faces shown', time: ms(extension.selection.firstShown) },
    { what: '5 photos, the first with faces and location: picked -> all checked, choices offered', time: ms(extension.selection.allChecked) },
    ...Object.entries(extension.protect).map(([style, times]) => timesRow(`sample2.jpg, masked in the ${style} style: Protect clicked -> received by the site`, times)),
    timesRow('sample2.heic (3 faces; the page cannot decode HEIC): picked -> faces shown, the first loading libheif', extension.heic),
  ]);
}

/** Firefox's figures come from a script of their own, run under xvfb-run: Firefox needs a display, Chromium none. */
function firefoxTimings(): void {
  // The project's tsx, also when the bench is run without npm (`tsx tests/bench/run.ts --extension`).
  const run = spawnSync('xvfb-run', ['-a', 'node_modules/.bin/tsx', 'tests/bench/firefox-timings.ts'], { stdio: 'inherit' });
  if (run.error || run.status !== 0) console.log(`\n(Firefox timings skipped: ${run.error?.message ?? `exit status ${run.status}`})`);
}

async function latency(page: Page, variants: Variant[]): Promise<void> {
  const b = benchApi(page);
  const rows: Array<Record<string, string>> = [];
  for (const size of SIZES) {
    for (const [i, url] of SAMPLES.entries()) await b.load(`${size.label}-${i}`, url, size.longSide);
    const runners = [...variants.map((v) => ({ name: v.name, run: (key: string) => b.run(v.options, key, v.workers) })), { name: TUTORIAL, run: b.tutorial }];
    for (const { name, run } of runners) {
      // Warm up on every photo first: V8 keeps optimising the 11.5 MB wasm in the background for a
      // while after the workers start, and the first runs would measure that, not the pipeline.
      for (const i of SAMPLES.keys()) await run(`${size.label}-${i}`);
      const times: number[] = [];
      for (let round = 0; round < 3; round++) {
        for (const i of SAMPLES.keys()) times.push((await run(`${size.label}-${i}`)).ms);
      }
      rows.push({ image: size.label, variant: name, median: ms(percentile(times, 50)), p95: ms(percentile(times, 95)), runs: String(times.length) });
    }
  }
  const workers = await b.cores();
  printTable(`Latency per photo (warm; decode, orientation, all passes; 6 photos x 3 rounds; pool of ${workers} workers)`, rows);
}

interface Shape {
  what: string;
  photo: string;
  across: number;
  down: number;
  width: number;
  height: number;
}

/** Images of unusual shape made of copies of one fixture photo: the cost of a region grows with it. */
const SHAPES: Shape[] = [
  { what: 'long screenshot: 28 photos stacked', photo: 'sample1.jpg', across: 1, down: 28, width: 1080, height: 20160 },
  { what: 'panorama: 4 photos side by side', photo: 'sample1.jpg', across: 4, down: 1, width: 7680, height: 1280 },
  { what: 'banner: a photo squeezed, no face left', photo: 'sample1.jpg', across: 1, down: 1, width: 4000, height: 50 },
  { what: 'one pixel', photo: 'no-face-landscape.jpg', across: 1, down: 1, width: 1, height: 1 },
];

/**
 * Animated GIFs made of a fixture photo (see the bench page's `animation`): 12 frames are checked,
 * repeats are not analysed again, and in the others only what moved is.
 */
interface Animation {
  what: string;
  photo: string;
  width: number;
  frames: number;
  motion: 'sweep' | 'boomerang' | 'zoom';
}
const ANIMATIONS: Animation[] = [
  { what: 'animated GIF, a bar sweeping below the faces', photo: 'sample1.jpg', width: 480, frames: 30, motion: 'sweep' },
  { what: 'animated GIF, the bar there and back (boomerang)', photo: 'sample1.jpg', width: 480, frames: 30, motion: 'boomerang' },
  { what: 'animated GIF, a slow zoom (every pixel moves)', photo: 'sample1.jpg', width: 480, frames: 30, motion: 'zoom' },
];

/** A row of the shapes table: the faces the run found among `faces`, its false alarms, its time. */
function shapeRow(image: string, run: { ms: number; faces: number[][] }, faces: Rect[]): Record<string, string | number> {
  const score = scoreImage(run.faces.map(rect), { required: faces, all: faces });
  return { image, found: `${score.found}/${score.required}`, 'false alarms': score.detections - score.correct, time: ms(run.ms) };
}

async function shapes(page: Page): Promise<void> {
  const b = benchApi(page);
  const rows: Array<Record<string, string | number>> = [];
  for (const shape of SHAPES) {
    await b.mosaic(shape.what, `/photos/${shape.photo}`, shape.across, shape.down, shape.width, shape.height);
    const run = await b.run(CHOSEN.options, shape.what);
    const copy = annotatedPhotos().find((p) => p.file === shape.photo)!;
    // A squeezed photo shows no face; copies at the photo's own shape show its faces, scaled.
    const [w, h] = [shape.width / shape.across, shape.height / shape.down];
    const s = w / copy.width;
    const faces = Math.abs(h / copy.height - s) < 0.01 * s ? copy.faces : [];
    const all = Array.from({ length: shape.across * shape.down }, (_, i) =>
      faces.map(([x, y, fw, fh]) => ({ x: (i % shape.across) * w + x! * s, y: Math.floor(i / shape.across) * h + y! * s, width: fw! * s, height: fh! * s })),
    ).flat();
    rows.push(shapeRow(`${shape.what}, ${shape.width} x ${shape.height}`, run, all));
  }
  for (const gif of ANIMATIONS) {
    await b.animation(gif.what, `/photos/${gif.photo}`, gif.width, gif.frames, gif.motion);
    const run = await b.run(CHOSEN.options, gif.what);
    const copy = annotatedPhotos().find((p) => p.file === gif.photo)!;
    const s = gif.width / copy.width;
    const faces = copy.faces.map(([x, y, w, h]) => ({ x: x! * s, y: y! * s, width: w! * s, height: h! * s }));
    rows.push(shapeRow(`${gif.what}: ${gif.frames} frames, ${gif.width} px wide (${MAX_CHECKED_FRAMES} checked)`, run, faces));
  }
  printTable('Images of unusual shape (shipped pipeline, warm)', rows);
}

async function accuracy(page: Page, title: string, images: BenchImage[], variants: Variant[]): Promise<void> {
  const b = benchApi(page);
  const rows: Array<Record<string, string | number>> = [];
  for (const [i, image] of images.entries()) await b.load(`${title}-${i}`, image.url);
  for (const variant of variants) {
    const scores = [];
    const times: number[] = [];
    for (const [i, image] of images.entries()) {
      const run = await b.run(variant.options, `${title}-${i}`, variant.workers);
      times.push(run.ms);
      scores.push(scoreImage(run.faces.map(rect), image.truth));
    }
    const total = addScores(scores);
    rows.push({
      variant: variant.name,
      recall: pct(recall(total)),
      precision: pct(precision(total)),
      found: `${total.found}/${total.required}`,
      'false alarms': total.detections - total.correct,
      'median ms': ms(percentile(times, 50)),
    });
  }
  printTable(`${title}: recall on required faces, precision of all boxes (match IoU >= 0.3)`, rows);
}

async function main(): Promise<void> {
  console.log(`Photo Guard bench — ${new Date().toISOString()} — Chromium, MediaPipe tasks-vision 0.10.34 (CPU)`);
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GB`);
  if (!process.argv.some((a) => a === '--quick' || a.startsWith('--only='))) {
    await coldStart();
    firefoxTimings();
  }
  // --extension: only the timings through the extension, in Chromium and Firefox (a few minutes instead of ~25).
  if (process.argv.includes('--extension')) return;
  const { page, close } = await openBenchPage();
  try {
    // --quick: the shipped pipeline and the naive baseline only, for iterating on the method.
    // --only=TEXT: the shipped pipeline, the naive baseline and the alternatives whose name holds TEXT.
    const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
    const variants = process.argv.includes('--quick')
      ? [CHOSEN, NAIVE]
      : [CHOSEN, NAIVE, ...SENSITIVITY_LEVELS, ...ALTERNATIVES].filter((v) => !only || v === CHOSEN || v === NAIVE || v.name.includes(only));
    await latency(page, [CHOSEN, ONE_WORKER, NAIVE]);
    await shapes(page);
    await turnedPhotos(page);
    await accuracy(page, `Fixtures (${fixturePhotos().length} photos in tests/fixtures/photos)`, fixturePhotos(), variants);
    const wider = widerDev(WIDER_DIR);
    if (wider) {
      await accuracy(page, `WIDER FACE dev subset (${wider.length} photos, ${WIDER_DIR})`, wider, variants);
      await dimmedPhotos(page, wider);
    } else console.log(`\n(${WIDER_DIR} not found: WIDER FACE dev figures skipped)`);
  } finally {
    await close();
  }
}

await main();
