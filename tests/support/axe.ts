import type axe from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Frame, type Page } from '@playwright/test';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core inside a document and fails on serious or critical violations. (AxeBuilder does
 * not reach into extension frames, so axe runs in the document directly.)
 */
export async function expectNoSeriousViolations(target: Page | Frame): Promise<void> {
  await target.evaluate(AXE_SOURCE);
  const results = await target.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document));
  expect(results.passes.length).toBeGreaterThan(10);
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
