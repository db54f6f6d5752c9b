import { readFileSync, writeFileSync } from 'node:fs';
import { openBenchPage } from './bench-page';
const clusters = JSON.parse(readFileSync('/tmp/clusters.json', 'utf8'));
const { page, close } = await openBenchPage();
await page.evaluate(() => (globalThis as any).explore.init());
const t0 = Date.now();
for (const im of clusters) {
  im.verify = await page.evaluate(([u, b]) => (globalThis as any).explore.verify(u, b, [1.5, 2.5, 4]), [im.url, im.clusters.map((c: any) => c.box)] as const);
}
console.log('ms', Date.now() - t0);
writeFileSync('/tmp/verified.json', JSON.stringify(clusters));
await close();
