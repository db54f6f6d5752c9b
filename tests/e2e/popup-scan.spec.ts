import type { Page } from '@playwright/test';
import { expect, test } from '../support/extension-test';
import { openPopupOn, scanToTheEnd } from '../support/popup-page';
import { POSTED_PAGES, servePostedPhotos } from '../support/posted-photos';

test.beforeAll(async ({ extension }) => servePostedPhotos(extension));

/** Scans, waits for the summary, and returns what each photo showed, by address. */
async function scan(popup: Page) {
  const requests: string[] = [];
  popup.on('request', (request) => requests.push(request.url()));
  await scanToTheEnd(popup);
  const summary = popup.locator('[data-scan-summary]');
  const results = await popup.locator('[data-scan-result]').evaluateAll((items) =>
    items.map((item) => ({ src: item.getAttribute('data-src')!, faces: item.getAttribute('data-faces'), metadata: item.getAttribute('data-metadata') })),
  );
  return { summary, results, requests: requests.filter((url) => !url.startsWith('chrome-extension://') && !url.startsWith('blob:')) };
}

test("X media tab: the posted photos (not the avatar or emoji), each once, with their faces", async ({ extension, tab }) => {
  await tab.goto(POSTED_PAGES.x.url);
  const popup = await openPopupOn(extension, POSTED_PAGES.x.url);
  const { summary, results, requests } = await scan(popup);
  expect(results).toEqual([
    { src: 'https://pbs.twimg.com/media/Gsample1?format=jpg&name=large', faces: '3', metadata: '' },
    { src: 'https://pbs.twimg.com/media/Gsample2?format=jpg&name=large', faces: '3', metadata: '' },
    { src: 'https://pbs.twimg.com/media/Gno-face-landscape?format=jpg&name=large', faces: '0', metadata: '' },
  ]);
  await expect(summary).toHaveAttribute('data-photos', '3');
  await expect(summary).toHaveAttribute('data-with-faces', '2');
  await expect(summary).toHaveText('2 of 3 photos show faces');
  await expect(popup.locator('[data-scan-result] a').first()).toHaveAttribute('href', 'https://x.com/parent/status/1001/photo/1');
  await expect(popup.locator('.advice')).toContainText('Protect your posts');
  // The only requests: the photos, from the page's own image host.
  expect(requests.sort()).toEqual(results.map((r) => r.src).sort());
  await popup.close();
});

test('Instagram profile grid: the largest srcset candidate of each post, not the profile picture', async ({ extension, tab }) => {
  await tab.goto(POSTED_PAGES.instagram.url);
  const popup = await openPopupOn(extension, POSTED_PAGES.instagram.url);
  const { summary, results } = await scan(popup);
  expect(results.map((r) => [new URL(r.src).pathname.split('/').pop(), new URL(r.src).searchParams.get('stp'), r.faces])).toEqual([
    ['sample3_n.jpg', 'dst-jpg_e35_s1080x1080', '3'],
    ['sample4_n.jpg', 'dst-jpg_e35_s1080x1080', '4'],
    ['no-face-plasma_n.jpg', 'dst-jpg_e35_s640x640', '0'],
  ]);
  await expect(summary).toHaveAttribute('data-with-faces', '2');
  await popup.close();
});

test('Facebook photos page: photos linked to their post, without the profile picture and interface art', async ({ extension, tab }) => {
  await tab.goto(POSTED_PAGES.facebook.url);
  const popup = await openPopupOn(extension, POSTED_PAGES.facebook.url);
  const { summary, results } = await scan(popup);
  expect(results.map((r) => [new URL(r.src).pathname.split('/').pop(), r.faces])).toEqual([
    ['sample5_n.jpg', '5'],
    ['sample6_n.jpg', '4'],
  ]);
  await expect(summary).toHaveAttribute('data-photos', '2');
  await expect(popup.locator('[data-scan-result] a').first()).toHaveAttribute('href', 'https://www.facebook.com/photo/?fbid=105&set=a.1');
  await popup.close();
});

test('a scan can be stopped; what was checked stays listed', async ({ extension, tab }) => {
  await tab.goto(POSTED_PAGES.instagram.url);
  const popup = await openPopupOn(extension, POSTED_PAGES.instagram.url);
  await popup.locator('[data-action="scan"]').click();
  await popup.locator('[data-scan-result][data-faces]').first().waitFor({ timeout: 60_000 });
  await popup.locator('[data-action="cancel-scan"]').click();
  const summary = popup.locator('[data-scan-summary]');
  await expect(summary).toContainText('stopped after');
  await expect(summary).toHaveAttribute('data-photos', '3');
  expect(await popup.locator('[data-scan-result]:not([data-faces])').count()).toBeGreaterThan(0);
  await popup.close();
});
