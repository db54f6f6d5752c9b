/** What Playwright's and Puppeteer's pages both offer: their console lines. */
interface ConsolePage {
  on(event: 'console', listener: (message: { text(): string }) => void): unknown;
}

/**
 * What the guard reports per photo on the page's console, as it comes: file name → its line
 * ("N face(s), metadata: …").
 */
export function guardReports(page: ConsolePage): Map<string, string> {
  const reports = new Map<string, string>();
  page.on('console', (message) => {
    const match = /^photo-guard: (.+?): (.*)$/.exec(message.text());
    if (match) reports.set(match[1]!, match[2]!);
  });
  return reports;
}
