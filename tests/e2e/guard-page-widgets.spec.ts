import { expect, test as base, type Page } from '@playwright/test';
import { extensionGranting, launchWithExtension, newProfileDir } from '../support/browser';
import { dropFiles, fileBytes, overlayFrame, pastePng, received, sha256 } from '../support/guard-page';
import { openOptions } from '../support/options-page';
import { photo, serveSites, SITE_PAGES } from '../support/sites';

/**
 * Sites the user adds build their uploads their own way: a web component keeping its file input in
 * its shadow root, a button opening the dialog of an input never put in the document, a plain
 * form's file input, an editable box that leaves pasting to the browser. Photos that enter there
 * are held like any other, and reach the page as it expects (fixture: the school portal, added in
 * the options).
 */
const test = base.extend<{ school: Page }>({
  school: async ({}, use) => {
    const site = new URL(SITE_PAGES.school.url).host;
    const context = await launchWithExtension([], newProfileDir(), extensionGranting([site]));
    try {
      await serveSites(context);
      const options = await openOptions(context);
      await options.locator('[data-setting="new-site"]').fill(site);
      await options.locator('[data-action="add-site"]').click();
      await expect(options.locator('[data-status]')).toContainText(`${site} added`);
      const page = await context.newPage();
      await page.goto(SITE_PAGES.school.url);
      await use(page);
    } finally {
      await context.close();
    }
  },
});

/** The overlay shows the photo held; "Post original" hands the page's widget exactly that file. */
async function expectHeldThenPosted(page: Page, name: string, how: 'input' | 'drop' = 'input'): Promise<void> {
  const overlay = await overlayFrame(page);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '4');
  expect(await received(page)).toEqual([]);
  await overlay.locator('[data-action="original"]').click();
  await expect.poll(() => received(page)).toHaveLength(1);
  expect((await received(page))[0]).toMatchObject({ name, how, sha256: sha256(fileBytes(photo(name))) });
}

test("a photo picked in a web component's own input (in its shadow root) is held", async ({ school }) => {
  await school.locator('class-photos input[type="file"]').setInputFiles(photo('sample4.jpg'));
  await expectHeldThenPosted(school, 'sample4.jpg');
});

test("a photo dropped on a web component's own drop zone is held, and the drop handed to that zone", async ({ school }) => {
  await dropFiles(school, 'class-photos .zone', [photo('sample4.jpg')]);
  await expectHeldThenPosted(school, 'sample4.jpg', 'drop');
});

test('a photo dropped on a plain form\'s file input is held, then given to that input', async ({ school }) => {
  await dropFiles(school, '#photos', [photo('sample4.jpg')]);
  await expectHeldThenPosted(school, 'sample4.jpg');
  expect(await school.locator('#photos').evaluate((input: HTMLInputElement) => Array.from(input.files ?? [], (f) => f.name))).toEqual(['sample4.jpg']);
});

test('a photo picked in an input the page never put in its document is held; the input is left as the page made it', async ({ school }) => {
  const chooser = school.waitForEvent('filechooser');
  await school.locator('#add-photo').click();
  await (await chooser).setFiles(photo('sample4.jpg'));
  await expectHeldThenPosted(school, 'sample4.jpg');
  // Put in the document only while its photo was held.
  expect(await school.evaluate(() => document.querySelectorAll('input[type="file"]').length)).toBe(1);
});

test('a photo pasted in an editable box no script handles is held, then goes in as the browser puts it', async ({ school }) => {
  await pastePng(school, '#comment', photo('sample4.jpg'));
  const overlay = await overlayFrame(school);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '4');
  await expect(school.locator('#comment img')).toHaveCount(0);
  await overlay.locator('[data-action="original"]').click();
  const image = school.locator('#comment img');
  await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1920, 1448]);
});

test("opening the dialog of a web component's input starts the detector while a photo is chosen, even once it was released as idle", async ({ school }) => {
  const worker = school.context().serviceWorkers()[0]!;
  const running = () => worker.evaluate(() => chrome.offscreen.hasDocument());
  // Started as the page showed its form's input; released (as after minutes idle: it closes its document).
  await expect.poll(running).toBe(true);
  // Closed again until it stays closed: a head start still under way brings the document back once.
  await expect(async () => {
    await worker.evaluate(() => chrome.offscreen.closeDocument().catch(() => undefined));
    await school.waitForTimeout(300);
    expect(await running()).toBe(false);
  }).toPass();
  const chooser = school.waitForEvent('filechooser');
  await school.locator('class-photos input[type="file"]').click();
  await chooser;
  await expect.poll(running).toBe(true);
});

// A closed shadow root hides its content from page scripts, and from the guard's window listeners,
// which see its host: the guard opens it as extensions may.
test('a photo picked in an input inside a closed shadow root is held', async ({ school }) => {
  const chooser = school.waitForEvent('filechooser');
  await school.locator('closed-photos').click({ position: { x: 20, y: 130 } }); // its label, under its drop zone
  await (await chooser).setFiles(photo('sample4.jpg'));
  await expectHeldThenPosted(school, 'sample4.jpg');
});

test('a photo dropped on a drop zone inside a closed shadow root is held, and the drop handed to that zone', async ({ school }) => {
  await dropFiles(school, 'closed-photos', [photo('sample4.jpg')]); // its middle: the drop zone
  await expectHeldThenPosted(school, 'sample4.jpg', 'drop');
});

test('a photo pasted in an editable box inside a closed shadow root is held, then goes in as the browser puts it', async ({ school }) => {
  await school.locator('closed-photos').click({ position: { x: 20, y: 160 } }); // the caret in its caption box
  await pastePng(school, null, photo('sample4.jpg'));
  const overlay = await overlayFrame(school);
  await expect(overlay.locator('[data-guard-photo]')).toHaveAttribute('data-faces', '4');
  expect(await imagesInPage(school)).toBe(0);
  await overlay.locator('[data-action="original"]').click();
  await expect.poll(() => imagesInPage(school)).toBe(1);
});

/** Images in the page, those in closed shadow roots included (which only the DevTools protocol reaches). */
async function imagesInPage(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  type Node = { nodeName: string; children?: Node[]; shadowRoots?: Node[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  await cdp.detach();
  const count = (node: Node): number => (node.nodeName === 'IMG' ? 1 : 0) + [...(node.children ?? []), ...(node.shadowRoots ?? [])].reduce((n, child) => n + count(child), 0);
  return count(root);
}
